import type { Rating, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import { needsModeration, REPORT_THRESHOLD } from '../../core/ratings';
import { publish, type SignedInCtx } from '../../router/define';
import { getManyMap } from '../../store/port';
import { queueMessage } from '../messages';
import { publicView } from './read';

/** Report a review (举报): once per person; after the threshold it hides until a worker decides. */
export async function reportRating(
  { store, openid, now }: SignedInCtx,
  { ratingId: id, reason }: Req<'ratings.report'>,
): Promise<Res<'ratings.report'>> {
  return store.transaction(async (tx) => {
    const r = await tx.get('ratings', id);
    // Only what others can see can be reported: a review waiting for moderation is not shown to anyone yet.
    if (!r || r.status === 'removed' || r.status === 'pending')
      throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
    if (r.openid === openid) throw new AppError('FORBIDDEN', '不能举报自己的评价');
    const reportId = `${id}_${openid}`;
    if (await tx.get('ratingReports', reportId))
      return { reports: r.reports, hidden: r.status === 'hidden', alreadyReported: true };
    await tx.set('ratingReports', reportId, {
      id: reportId,
      ratingId: id,
      openid,
      reason: reason ?? null,
      at: now().toISOString(),
    });
    const reports = r.reports + 1;
    const status = r.status === 'published' && reports >= REPORT_THRESHOLD ? 'hidden' : r.status;
    await tx.set('ratings', id, { ...r, reports, status });
    return { reports, hidden: status === 'hidden', alreadyReported: false };
  });
}

/** Reviews waiting for a worker: flagged text and reported reviews of the worker's street, each with its outlet's name. */
export async function ratingQueue(
  { store, user }: SignedInCtx,
  { streetCode: asked }: Req<'ratings.queue'>,
): Promise<Res<'ratings.queue'>> {
  const street = user.role === 'admin' ? asked : user.scope?.kind === 'street' ? user.scope.streetCode : undefined;
  if (user.role !== 'admin' && !street) throw new AppError('FORBIDDEN', '社区工作者不审核评价，请联系街道');
  const page = await store.query('ratings', {
    where: { status: { in: ['pending', 'hidden'] }, ...(street ? { streetCode: street } : {}) },
    limit: 100,
  });
  // One batch read for the outlets of the whole page.
  const outlets = await getManyMap(store, 'outlets', [...new Set(page.items.map((r) => r.outletId))]);
  return page.items.map((r) => ({ ...publicView(r), outletName: outlets.get(r.outletId)?.name ?? '已删除的网点' }));
}

/** Publish or remove a waiting review (worker of the outlet's street, admin). */
export async function moderateRating(
  ctx: SignedInCtx,
  { ratingId: id, decision }: Req<'ratings.moderate'>,
): Promise<Rating> {
  const { store, user, now } = ctx;
  const moderated = await store.transaction(async (tx) => {
    const r = await tx.get('ratings', id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
    if (!canManageStreet(user, r.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道网点的评价');
    const next: Rating = {
      ...r,
      status: decision === 'publish' ? 'published' : 'removed',
      reports: decision === 'publish' ? 0 : r.reports,
      updatedAt: now().toISOString(),
    };
    await tx.set('ratings', id, next);
    return next;
  });
  // A published review counts towards the outlet's complaints (差评): warnings re-read them.
  await publish(ctx, { type: 'ratingsChanged', outletId: moderated.outletId, at: moderated.updatedAt });
  return moderated;
}

/** The outlet's merchant replies once to a review (and may edit the reply). */
export async function replyToRating(
  { store, openid, now }: SignedInCtx,
  { ratingId: id, text }: Req<'ratings.reply'>,
): Promise<Rating> {
  if (needsModeration(text)) throw new AppError('INVALID_INPUT', '回复含有不宜公开的内容，请修改', 'text');
  return store.transaction(async (tx) => {
    const r = await tx.get('ratings', id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
    const outlet = await tx.get('outlets', r.outletId);
    if (!outlet || outlet.ownerOpenid !== openid) throw new AppError('FORBIDDEN', '只能回复自己网点的评价');
    const at = now().toISOString();
    const next: Rating = { ...r, reply: { text, at } };
    await tx.set('ratings', id, next);
    await queueMessage(
      tx,
      {
        id: `reply_${id}_${at}`,
        recipient: r.openid,
        kind: 'ratingReply',
        title: '商户回复了您的评价',
        body: `“${outlet.name}”回复了您的评价：${text.slice(0, 60)}`,
        link: { page: 'outlet', params: { id: outlet.id } },
      },
      at,
    );
    return next;
  });
}
