import type { OutletStatus } from '../../types';

/** Who moves an outlet: its reviewers (a worker of its street, an admin) or its owner (the merchant). */
export type Actor = 'reviewer' | 'owner';

/**
 * The outlet life cycle. New outlets wait for review; a reviewer approves, rejects with a reason, or asks for
 * changes; the owner resubmits; an approved outlet can be suspended (and reinstated) by a reviewer or closed for
 * good by either. Every other move is refused.
 */
export const TRANSITIONS: Record<OutletStatus, Partial<Record<OutletStatus, Actor[]>>> = {
  pending: { approved: ['reviewer'], rejected: ['reviewer'], changes_requested: ['reviewer'] },
  changes_requested: { pending: ['owner'], closed: ['owner', 'reviewer'] },
  rejected: { pending: ['owner'] },
  approved: { suspended: ['reviewer'], closed: ['owner', 'reviewer'] },
  suspended: { approved: ['reviewer'], closed: ['owner', 'reviewer'] },
  closed: {},
};

export function canMove(from: OutletStatus, to: OutletStatus, actor: Actor): boolean {
  return TRANSITIONS[from]?.[to]?.includes(actor) ?? false;
}

/** A reason is required where the merchant must learn why. */
export function needsReason(to: OutletStatus): boolean {
  return to === 'rejected' || to === 'changes_requested' || to === 'suspended';
}

export const STATUS_NAMES: Record<OutletStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  changes_requested: '需修改',
  suspended: '已暂停',
  closed: '已关闭',
};
