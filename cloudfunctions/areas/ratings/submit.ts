import type { OutletRatings, Rating, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import { applyRating, EMPTY_AGGREGATE, hourBucket, needsModeration, RATE_LIMIT_PER_HOUR } from '../../core/ratings';
import { publish, type SignedInCtx } from '../../router/define';
import { personKey } from '../../router/identity';

/** A rating's id: one per person per outlet, keyed by a hash that does not reveal the person. */
export const ratingId = (outletId: string, personKey: string) => `${outletId}_${personKey}`;

/**
 * Rate an approved outlet; a new submission replaces the person's old one. The outlet's aggregate changes in the
 * same transaction, and is touched first (it is the document people contend for). Text that needs moderation waits
 * hidden for a worker.
 */
export async function submitRating(ctx: SignedInCtx, input: Req<'ratings.submit'>): Promise<Res<'ratings.submit'>> {
  const { store, user, now, contentCheck } = ctx;
  const at = now();
  const text = input.text ?? '';
  const flagged = !!text && (needsModeration(text) || (contentCheck ? await contentCheck(text, user.openid) : false));
  const status: Rating['status'] = flagged ? 'pending' : 'published';
  const outlet = await store.get('outlets', input.outletId);
  if (!outlet || outlet.status !== 'approved') throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
  if (outlet.ownerOpenid === user.openid) throw new AppError('FORBIDDEN', '不能评价自己的网点');
  const id = ratingId(outlet.id, await personKey(store, user.openid, at));
  // The hourly limit is checked and counted apart from the rating, so the rating's transaction holds only the
  // contended aggregate and the person's own rating (fewer documents locked, fewer conflicts under load).
  const limitId = `${user.openid}_${hourBucket(at)}`;
  const limit = (await store.get('rateLimits', limitId)) ?? { id: limitId, count: 0 };
  if (limit.count >= RATE_LIMIT_PER_HOUR) throw new AppError('RATE_LIMITED', '评价太频繁，请一小时后再试');
  const result = await store.transaction(async (tx) => {
    const agg = (await tx.get('outletRatings', outlet.id)) ?? {
      ...EMPTY_AGGREGATE,
      outletId: outlet.id,
      streetCode: outlet.streetCode,
      updatedAt: '',
    };
    const previous = await tx.get('ratings', id);
    const next = applyRating(agg, previous ? previous.stars : null, input.stars);
    const rating: Rating = {
      id,
      outletId: outlet.id,
      streetCode: outlet.streetCode,
      openid: user.openid,
      nickname: user.nickname,
      stars: input.stars as Rating['stars'],
      dimensions: input.dimensions ?? {},
      text,
      status,
      reports: 0,
      reply: previous?.reply ?? null,
      createdAt: previous?.createdAt ?? at.toISOString(),
      updatedAt: at.toISOString(),
    };
    const aggregate: OutletRatings = {
      ...agg,
      ...next,
      outletId: outlet.id,
      streetCode: outlet.streetCode,
      updatedAt: at.toISOString(),
    };
    await tx.set('outletRatings', outlet.id, aggregate);
    await tx.set('ratings', id, rating);
    return { rating, aggregate, moderated: status === 'pending' };
  });
  await store.transaction(async (tx) => {
    const cur = (await tx.get('rateLimits', limitId)) ?? { id: limitId, count: 0 };
    const expiresAt = new Date(at.getTime() + 2 * 3600_000).toISOString();
    await tx.set('rateLimits', limitId, { id: limitId, count: cur.count + 1, expiresAt });
  });
  await publish(ctx, { type: 'ratingsChanged', outletId: outlet.id, at: at.toISOString() });
  return result;
}
