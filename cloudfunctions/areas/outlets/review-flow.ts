import type { Outlet, OutletChanges, OutletReview, OutletStatus } from '../../../types';
import { AppError } from '../../core/errors';
import { canMove, needsReason, STATUS_NAMES, type Actor } from '../../core/review';
import type { Transaction } from '../../store/port';

/** Whether an outlet is in a reviewer's queue: a new outlet, or an approved one with changes waiting. */
export const needsReview = (o: Pick<Outlet, 'status' | 'pendingChanges'>) =>
  o.status === 'pending' || !!o.pendingChanges;

/** Appends one entry to the outlet's audit trail (id `<outletId>_<seq>`) and returns the outlet's new seq. */
export async function record(
  tx: Transaction,
  outlet: Outlet,
  entry: Omit<OutletReview, 'id' | 'outletId'>,
): Promise<number> {
  const seq = (outlet.reviewSeq ?? 0) + 1;
  await tx.set('outletReviews', `${outlet.id}_${String(seq).padStart(4, '0')}`, {
    id: `${outlet.id}_${String(seq).padStart(4, '0')}`,
    outletId: outlet.id,
    ...entry,
  });
  return seq;
}

/**
 * Moves an outlet to `to` if the state machine allows it for this actor, recording who, when, from, to and why.
 * Answers the outlet as written.
 */
export async function transition(
  tx: Transaction,
  outlet: Outlet,
  to: OutletStatus,
  actor: Actor,
  by: string,
  at: string,
  reason: string | null,
): Promise<Outlet> {
  if (!canMove(outlet.status, to, actor))
    throw new AppError('CONFLICT', `不能从“${STATUS_NAMES[outlet.status]}”改为“${STATUS_NAMES[to]}”`, 'status');
  if (needsReason(to) && !reason?.trim()) throw new AppError('INVALID_INPUT', '参数 reason 有误：请说明原因', 'reason');
  const seq = await record(tx, outlet, {
    from: outlet.status,
    to,
    kind: 'status',
    by,
    at,
    reason: reason?.trim() || null,
  });
  const next: Outlet = {
    ...outlet,
    status: to,
    reviewSeq: seq,
    reviewNote: reason?.trim() || (to === 'approved' ? null : (outlet.reviewNote ?? null)),
    updatedAt: at,
  };
  next.needsReview = needsReview(next);
  await tx.set('outlets', outlet.id, next);
  return next;
}

/** A reviewer's decision on changes waiting on an approved outlet: apply them, or drop them. */
export async function decideChanges(
  tx: Transaction,
  outlet: Outlet,
  approve: boolean,
  by: string,
  at: string,
  reason: string | null,
): Promise<Outlet> {
  const changes: OutletChanges | null | undefined = outlet.pendingChanges;
  if (!changes) throw new AppError('CONFLICT', '该网点没有待审核的修改');
  if (!approve && !reason?.trim()) throw new AppError('INVALID_INPUT', '参数 reason 有误：请说明原因', 'reason');
  const seq = await record(tx, outlet, {
    from: outlet.status,
    to: outlet.status,
    kind: approve ? 'changes-approved' : 'changes-rejected',
    by,
    at,
    reason: reason?.trim() || null,
  });
  const next: Outlet = {
    ...outlet,
    ...(approve ? changes : {}),
    pendingChanges: null,
    needsReview: false,
    reviewSeq: seq,
    reviewNote: approve ? null : reason?.trim() || null,
    updatedAt: at,
  };
  next.needsReview = needsReview(next);
  await tx.set('outlets', outlet.id, next);
  return next;
}
