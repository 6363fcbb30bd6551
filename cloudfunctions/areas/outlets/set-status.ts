import type { Outlet, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import { publish, type SignedInCtx } from '../../router/define';
import { transition } from './review-flow';

/**
 * A worker of the outlet's street or an admin approves, suspends, closes or returns an outlet to review. The
 * change is announced, so coverage follows at once.
 */
export async function setOutletStatus(
  ctx: SignedInCtx,
  { id, status, reason }: Req<'outlets.setStatus'>,
): Promise<Outlet> {
  const { store, user, now } = ctx;
  const at = now().toISOString();
  let before: Outlet | null = null;
  const updated = await store.transaction(async (tx) => {
    const outlet = await tx.get('outlets', id);
    if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'id');
    if (!canManageStreet(user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能管理本街道的网点');
    before = outlet;
    return transition(tx, outlet, status, 'reviewer', user.openid, at, reason ?? null);
  });
  await publish(ctx, { type: 'outletChanged', outlet: updated, before, at });
  return updated;
}
