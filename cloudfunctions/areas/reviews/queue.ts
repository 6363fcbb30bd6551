import type { Outlet, OutletReview, Page, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import { STATUS_NAMES } from '../../core/review';
import type { SignedInCtx } from '../../router/define';
import { getManyMap, readAll } from '../../store/port';

/** New outlets and changes waiting, oldest first, of the reviewer's street (for an admin, every street). */
export async function reviewQueue(
  { store, user }: SignedInCtx,
  { streetCode: asked, cursor }: Req<'reviews.queue'>,
): Promise<Page<{ outlet: Outlet; statusName: string }>> {
  const street = user.role === 'admin' ? asked : user.scope?.kind === 'street' ? user.scope.streetCode : null;
  if (user.role !== 'admin' && !street) throw new AppError('FORBIDDEN', '社区工作者不审核网点，请联系街道');
  if (asked && street && asked !== street) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
  const page = await store.query('outlets', {
    where: { needsReview: true, ...(street ? { streetCode: street } : {}) },
    orderBy: { field: 'updatedAt' },
    cursor,
    limit: 50,
  });
  return {
    items: page.items.map((o) => ({ outlet: o, statusName: STATUS_NAMES[o.status] })),
    nextCursor: page.nextCursor,
  };
}

/** An outlet the caller reviews (a worker of its street, an admin), or NOT_FOUND / FORBIDDEN. */
export async function outletToReview(ctx: SignedInCtx, outletId: string): Promise<Outlet> {
  const outlet = await ctx.store.get('outlets', outletId);
  if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
  if (!canManageStreet(ctx.user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
  return outlet;
}

/** One outlet for review: the outlet, its business (licence) and its whole history. */
export async function reviewDetail(ctx: SignedInCtx, { outletId }: Req<'reviews.get'>): Promise<Res<'reviews.get'>> {
  const outlet = await outletToReview(ctx, outletId);
  const [business, history] = await Promise.all([
    outlet.businessId ? ctx.store.get('businesses', outlet.businessId) : Promise.resolve(null),
    readAll(ctx.store, 'outletReviews', { outletId }),
  ]);
  return {
    outlet,
    statusName: STATUS_NAMES[outlet.status],
    business,
    // A short-lived link the function makes: licence images are readable by their uploader only.
    licenseUrl: business ? (ctx.fileUrl ? await ctx.fileUrl(business.licenseFile) : null) : null,
    history: await withRoles(ctx, outlet, history),
  };
}

/** Who made each move, in role words for the page (商户 / 街道工作人员 / 区商务局), never their account. */
async function withRoles(
  { store }: SignedInCtx,
  outlet: Outlet,
  history: OutletReview[],
): Promise<Res<'reviews.get'>['history']> {
  const people = await getManyMap(store, 'users', [...new Set(history.map((h) => h.by))]);
  return history.map((h) => {
    const role = people.get(h.by)?.role;
    const byRole =
      h.by === outlet.ownerOpenid || h.kind === 'submitted'
        ? '商户'
        : role === 'admin'
          ? '区商务局'
          : role === 'worker'
            ? '街道工作人员'
            : '系统';
    return { ...h, byRole };
  });
}
