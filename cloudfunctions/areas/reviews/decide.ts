import type { Outlet, OutletStatus, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import { STATUS_NAMES } from '../../core/review';
import { publish, type SignedInCtx } from '../../router/define';
import { queueMessage } from '../messages';
import { decideChanges, transition } from '../outlets';

const DECISION_TEXT: Record<Req<'reviews.decide'>['decision'], string> = {
  approve: '已通过审核',
  reject: '未通过审核',
  requestChanges: '需要修改后再提交',
  suspend: '已被暂停展示',
  reinstate: '已恢复展示',
  close: '已关闭',
};

const DECISIONS: Record<Req<'reviews.decide'>['decision'], OutletStatus> = {
  approve: 'approved',
  reject: 'rejected',
  requestChanges: 'changes_requested',
  suspend: 'suspended',
  reinstate: 'approved',
  close: 'closed',
};

/**
 * Approve, reject (with a reason), ask for changes (with a reason), suspend, reinstate or close. On an approved
 * outlet with changes waiting, approve / reject decide the changes. Illegal moves are refused; every legal one is
 * recorded; coverage follows at once.
 */
export async function decideReview(
  ctx: SignedInCtx,
  { outletId, decision, reason }: Req<'reviews.decide'>,
): Promise<Res<'reviews.decide'>> {
  const { store, user, now } = ctx;
  const at = now().toISOString();
  let before: Outlet | null = null;
  const after = await store.transaction(async (tx) => {
    const outlet = await tx.get('outlets', outletId);
    if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
    if (!canManageStreet(user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
    before = outlet;
    const next =
      outlet.pendingChanges && outlet.status === 'approved' && (decision === 'approve' || decision === 'reject')
        ? await decideChanges(tx, outlet, decision === 'approve', user.openid, at, reason ?? null)
        : await transition(tx, outlet, DECISIONS[decision], 'reviewer', user.openid, at, reason ?? null);
    // The merchant learns the result in the same transaction as the decision.
    if (next.ownerOpenid)
      await queueMessage(
        tx,
        {
          id: `review_${next.id}_${next.reviewSeq ?? 0}`,
          recipient: next.ownerOpenid,
          kind: 'reviewResult',
          title: `网点审核结果：${STATUS_NAMES[next.status]}`,
          body: `您的网点“${next.name}”${DECISION_TEXT[decision]}${reason?.trim() ? `。原因：${reason.trim()}` : '。'}`,
          link: { page: 'merchantOutlets', params: {} },
        },
        at,
      );
    return next;
  });
  await publish(ctx, { type: 'outletChanged', outlet: after, before, at });
  return { outlet: after, statusName: STATUS_NAMES[after.status] };
}
