import type { OutletDetail, OutletView, Page, Req } from '../../../types';
import { AppError } from '../../core/errors';
import type { Ctx } from '../../router/define';
import type { Where } from '../../store/port';
import { NEARBY_PAGE } from './nearby';
import { outletDetail, outletView, ratingsOf } from './view';

/** One approved outlet with today's and every day's hours and its score. */
export async function getOutlet({ store, now, openid }: Ctx, { id }: Req<'outlets.get'>): Promise<OutletDetail> {
  const outlet = await store.get('outlets', id);
  if (!outlet || outlet.status !== 'approved')
    throw new AppError('NOT_FOUND', '未找到该网点，可能已停业或未通过审核', 'id');
  return outletDetail(outlet, now(), await store.get('outletRatings', id), openid);
}

/** Approved outlets whose name contains the text, by name. */
export async function searchOutlets(
  { store, now }: Ctx,
  { q, streetCode, cursor }: Req<'outlets.search'>,
): Promise<Page<OutletView>> {
  const where: Where = { status: 'approved', name: { contains: q } };
  if (streetCode) where.streetCode = streetCode;
  const page = await store.query('outlets', { where, orderBy: { field: 'name' }, cursor, limit: NEARBY_PAGE });
  const at = now();
  const scores = await ratingsOf(
    store,
    page.items.map((o) => o.id),
  );
  return {
    items: page.items.map((o) => outletView(o, at, null, scores.get(o.id) ?? null)),
    nextCursor: page.nextCursor,
  };
}
