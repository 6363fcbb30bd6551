import type { Outlet, Req, WeeklyHours } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import { parseHours } from '../../core/hours';
import type { SignedInCtx } from '../../router/define';
import type { Transaction } from '../../store/port';
import { XICHENG } from '../geo';
import { record } from '../outlets';

export type OutletInput = Req<'merchants.register'>['outlets'][number];

/** Hours as the schema left them: already the week, or census text read once more (older app versions). */
function week(hours: WeeklyHours | string): WeeklyHours {
  if (typeof hours !== 'string') return hours;
  const h = parseHours(hours);
  if ('error' in h) throw new AppError('INVALID_INPUT', h.error);
  return h;
}

/**
 * Checks every new outlet's place before anything is written: inside the district, and its community (if given)
 * in its street. All problems come back at once, keyed by field, with messages that name the outlet.
 */
export async function checkOutletPlaces(ctx: SignedInCtx, outlets: OutletInput[]): Promise<void> {
  const fields: Record<string, string> = {};
  let outside = false;
  for (const [i, o] of outlets.entries()) {
    if (!contains(XICHENG, o.lng, o.lat)) {
      fields[`outlets.${i}.lng`] = `第 ${i + 1} 个网点的位置不在西城区范围内，请在地图上重新选择`;
      outside = true;
    }
    if (o.communityCode) {
      const c = await ctx.store.get('communities', o.communityCode);
      if (!c || c.streetCode !== o.streetCode)
        fields[`outlets.${i}.communityCode`] = `第 ${i + 1} 个网点的社区不属于所选街道`;
    }
  }
  const entries = Object.entries(fields);
  if (entries.length)
    throw new AppError(outside ? 'OUTSIDE_DISTRICT' : 'INVALID_INPUT', entries[0][1], entries[0][0], fields);
}

/**
 * Writes new outlets of a business inside the caller's transaction, each waiting for review, with ids that follow
 * the business's outlet sequence. Answers the outlets and the sequence's new value.
 */
export async function createOutlets(
  tx: Transaction,
  ctx: SignedInCtx,
  business: { id: string; creditCode: string; outletSeq?: number },
  outlets: OutletInput[],
  at: string,
): Promise<{ created: Outlet[]; seq: number }> {
  let seq = business.outletSeq ?? 0;
  const created: Outlet[] = [];
  for (const o of outlets) {
    seq++;
    const outlet: Outlet = {
      id: `m-${business.creditCode}-${String(seq).padStart(2, '0')}`,
      name: o.name,
      categories: o.categories,
      location: point(o.lng, o.lat),
      address: o.address,
      streetCode: o.streetCode,
      communityCode: o.communityCode ?? null,
      hours: week(o.hours),
      goods: [],
      services: o.services ?? [],
      payment: o.payment?.length ? o.payment : ['cash', 'wechatPay'],
      accessible: o.accessible ?? false,
      brand: null,
      phone: o.phone ?? null,
      status: 'pending',
      source: 'merchant',
      demo: false,
      createdAt: at,
      updatedAt: at,
      businessId: business.id,
      ownerOpenid: ctx.openid,
      pendingChanges: null,
      reviewNote: null,
      reviewSeq: 0,
      needsReview: true,
    };
    outlet.reviewSeq = await record(tx, outlet, {
      from: null,
      to: 'pending',
      kind: 'submitted',
      by: ctx.openid,
      at,
      reason: null,
    });
    await tx.set('outlets', outlet.id, outlet);
    created.push(outlet);
  }
  return { created, seq };
}
