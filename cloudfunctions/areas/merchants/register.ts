import type { Business, Outlet, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import { parseHours } from '../../core/hours';
import type { SignedInCtx } from '../../router/define';
import { XICHENG } from '../geo';
import { record } from '../outlets';

/**
 * A licence image must be one the caller uploaded here, or a file in the caller's own folder of the mini-program's
 * cloud storage (`cloud://<env>/licences/<openid>/…`, where the app uploads it): never someone else's file.
 */
async function checkLicense(ctx: SignedInCtx, fileId: string): Promise<void> {
  if (fileId.startsWith('cloud://')) {
    const path = fileId.replace(/^cloud:\/\/[^/]+\//, '');
    if (!path.startsWith(`licences/${ctx.openid}/`) || path.includes('..'))
      throw new AppError('INVALID_INPUT', '营业执照照片应由您本人上传，请重新上传', 'licenseFile');
    return;
  }
  const f = await ctx.store.get('files', fileId);
  if (!f || f.owner !== ctx.openid) throw new AppError('INVALID_INPUT', '请先上传营业执照照片', 'licenseFile');
}

/**
 * Registers a licence with one or more outlets, or adds outlets to a licence the caller already holds (一照多址).
 * A licence held by another account is a CONFLICT. Everything new waits for review.
 */
export async function registerMerchant(
  ctx: SignedInCtx,
  input: Req<'merchants.register'>,
): Promise<Res<'merchants.register'>> {
  const { store, openid, user, now } = ctx;
  await checkLicense(ctx, input.licenseFile);
  for (const [i, o] of input.outlets.entries()) {
    if (!contains(XICHENG, o.lng, o.lat))
      throw new AppError('OUTSIDE_DISTRICT', `第 ${i + 1} 个网点的位置不在西城区范围内`);
    if (o.communityCode) {
      const c = await store.get('communities', o.communityCode);
      if (!c || c.streetCode !== o.streetCode)
        throw new AppError('INVALID_INPUT', `第 ${i + 1} 个网点的社区不属于所选街道`, `outlets.${i}.communityCode`);
    }
  }
  const at = now().toISOString();
  const bizId = `biz-${input.creditCode}`;
  const result = await store.transaction(async (tx) => {
    const existing = await tx.get('businesses', bizId);
    if (existing && existing.ownerOpenid !== openid)
      throw new AppError('CONFLICT', '该营业执照已由其他账号登记，如有疑问请联系街道', 'creditCode');
    const business: Business & { outletSeq?: number } = existing
      ? { ...existing, updatedAt: at }
      : {
          id: bizId,
          creditCode: input.creditCode,
          legalName: input.legalName,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          licenseFile: input.licenseFile,
          ownerOpenid: openid,
          createdAt: at,
          updatedAt: at,
        };
    let seq = (business as { outletSeq?: number }).outletSeq ?? 0;
    const created: Outlet[] = [];
    for (const o of input.outlets) {
      seq++;
      const outlet: Outlet = {
        id: `m-${input.creditCode}-${String(seq).padStart(2, '0')}`,
        name: o.name,
        categories: o.categories,
        location: point(o.lng, o.lat),
        address: o.address,
        streetCode: o.streetCode,
        communityCode: o.communityCode ?? null,
        hours: parseHours(o.hours) as Outlet['hours'],
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
        businessId: bizId,
        ownerOpenid: openid,
        pendingChanges: null,
        reviewNote: null,
        reviewSeq: 0,
        needsReview: true,
      };
      outlet.reviewSeq = await record(tx, outlet, {
        from: null,
        to: 'pending',
        kind: 'submitted',
        by: openid,
        at,
        reason: null,
      });
      await tx.set('outlets', outlet.id, outlet);
      created.push(outlet);
    }
    await tx.set('businesses', bizId, { ...business, outletSeq: seq } as Business);
    if (user.role === 'resident') await tx.update('users', openid, { role: 'merchant' });
    return { business, outlets: created };
  });
  return { business: result.business, outlets: result.outlets };
}
