import type { Rating, Req, Res } from '../../../types';
import type { Ctx, SignedInCtx } from '../../router/define';
import { personKey } from '../../router/identity';
import { ratingId } from './submit';

/** What others may see of a rating: never a pending, hidden or removed text, never the rater's openid. */
export const publicView = (r: Rating): Rating => ({ ...r, openid: '' });

/** An outlet's score and its published reviews, newest first. */
export async function listRatings(
  { store }: Ctx,
  { outletId, cursor }: Req<'ratings.list'>,
): Promise<Res<'ratings.list'>> {
  const [aggregate, page] = await Promise.all([
    store.get('outletRatings', outletId),
    store.query('ratings', {
      where: { outletId, status: 'published' },
      orderBy: { field: 'updatedAt', direction: 'desc' },
      cursor,
      limit: 20,
    }),
  ]);
  return { aggregate, items: page.items.map(publicView), nextCursor: page.nextCursor };
}

/** My ratings (of one outlet, or all), whatever their state. */
export async function myRatings({ store, openid }: SignedInCtx, { outletId }: Req<'ratings.mine'>): Promise<Rating[]> {
  if (outletId) {
    const r = await store.get('ratings', ratingId(outletId, await personKey(store, openid)));
    return r ? [r] : [];
  }
  return (await store.query('ratings', { where: { openid }, limit: 100 })).items;
}
