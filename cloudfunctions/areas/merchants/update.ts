import type { Outlet, OutletChanges, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import { parseHours } from '../../core/hours';
import { publish, type SignedInCtx } from '../../router/define';
import type { Transaction } from '../../store/port';
import { XICHENG } from '../geo';
import { needsReview, transition } from '../outlets';

/** The caller's own outlet, or NOT_FOUND (another merchant's outlet is not even confirmed to exist). */
async function ownOutlet(tx: Pick<Transaction, 'get'>, id: string, openid: string): Promise<Outlet> {
  const o = await tx.get('outlets', id);
  if (!o || o.ownerOpenid !== openid) throw new AppError('NOT_FOUND', '未找到您的这个网点', 'id');
  return o;
}

/**
 * Hours, services, payment, access and phone apply at once. Name, address, location and categories of an approved
 * outlet wait for review while the approved version stays visible; on an outlet not yet approved they apply and the
 * outlet goes (back) to review.
 */
export async function updateOutlet(ctx: SignedInCtx, input: Req<'merchants.updateOutlet'>): Promise<Outlet> {
  const { store, openid, now } = ctx;
  let before: Outlet | null = null;
  if ((input.lng === undefined) !== (input.lat === undefined))
    throw new AppError('INVALID_INPUT', '经纬度需一起修改', 'lng');
  if (input.lng !== undefined && input.lat !== undefined && !contains(XICHENG, input.lng, input.lat))
    throw new AppError('OUTSIDE_DISTRICT', '新位置不在西城区范围内');
  const at = now().toISOString();
  const updated = await store.transaction(async (tx) => {
    const o = await ownOutlet(tx, input.id, openid);
    before = o;
    if (o.status === 'closed') throw new AppError('CONFLICT', '网点已关闭，不能修改');
    const immediate: Partial<Outlet> = {};
    if (input.hours !== undefined)
      immediate.hours = typeof input.hours === 'string' ? (parseHours(input.hours) as Outlet['hours']) : input.hours;
    if (input.services !== undefined) immediate.services = input.services;
    if (input.payment !== undefined) immediate.payment = input.payment;
    if (input.accessible !== undefined) immediate.accessible = input.accessible;
    if (input.phone !== undefined) immediate.phone = input.phone;
    const reviewed: OutletChanges = {};
    if (input.name !== undefined) reviewed.name = input.name;
    if (input.address !== undefined) reviewed.address = input.address;
    if (input.lng !== undefined && input.lat !== undefined) reviewed.location = point(input.lng, input.lat);
    if (input.categories !== undefined) reviewed.categories = input.categories;
    let next: Outlet = { ...o, ...immediate, updatedAt: at };
    if (Object.keys(reviewed).length) {
      if (o.status === 'approved' || o.status === 'suspended')
        next.pendingChanges = { ...(o.pendingChanges ?? {}), ...reviewed };
      else next = { ...next, ...reviewed };
    }
    next.needsReview = needsReview(next);
    await tx.set('outlets', o.id, next);
    // A corrected outlet that was sent back goes to review again.
    if (Object.keys(reviewed).length && (o.status === 'changes_requested' || o.status === 'rejected'))
      next = await transition(tx, next, 'pending', 'owner', openid, at, null);
    return next;
  });
  await publish(ctx, { type: 'outletChanged', outlet: updated, before, at });
  return updated;
}

/** Closes an outlet for a while (or opens it again): it stops counting as open and as coverage meanwhile. */
export async function setOutletClosed(ctx: SignedInCtx, { id, closed }: Req<'merchants.setClosed'>): Promise<Outlet> {
  const { store, openid, now } = ctx;
  let before: Outlet | null = null;
  const updated = await store.transaction(async (tx) => {
    const o = await ownOutlet(tx, id, openid);
    before = o;
    const next = { ...o, temporarilyClosed: closed, updatedAt: now().toISOString() };
    await tx.set('outlets', id, next);
    return next;
  });
  await publish(ctx, { type: 'outletChanged', outlet: updated, before, at: updated.updatedAt });
  return updated;
}
