import type { CommunityEvent, EventView, Req } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { beijingRange, beijingTime } from '../../../types/time';
import { tellEveryone } from './notices';
import { canRun, loadEvent, view } from './repo';
import { fillSeats } from './seats';

/** Change title, description, deadline or capacity; more seats go to the waitlist in order. */
export async function updateEvent({ store, user, now }: SignedInCtx, input: Req<'events.update'>): Promise<EventView> {
  const at = now().toISOString();
  const { before, after } = await store.transaction(async (tx) => {
    const e = await loadEvent(tx, input.id);
    if (!canRun(user, e)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
    if (e.status === 'cancelled') throw new AppError('CLOSED', '活动已取消');
    if (input.capacity !== undefined && input.capacity < e.confirmedCount)
      throw new AppError('CONFLICT', `已有 ${e.confirmedCount} 人报名，名额不能少于此数`, 'capacity');
    const next: CommunityEvent = {
      ...e,
      title: input.title ?? e.title,
      description: input.description ?? e.description,
      deadline: input.deadline ? new Date(input.deadline).toISOString() : e.deadline,
      capacity: input.capacity ?? e.capacity,
      updatedAt: at,
    };
    await tx.set('events', e.id, next);
    return { before: e, after: next };
  });
  await fillSeats(store, input.id, at);
  if (before.title !== after.title || before.deadline !== after.deadline)
    await tellEveryone(
      store,
      after,
      'eventChanged',
      at,
      '活动信息有变更',
      `您报名的活动“${after.title}”信息有变更（${before.title !== after.title ? `原名“${before.title}”；` : ''}报名截止：${beijingTime(after.deadline)}），请查看活动页面。`,
      at,
    );
  return view(store, await loadEvent(store, input.id), null, now());
}

/**
 * Cancelling an event closes it first (no new sign-up can start), then cancels every sign-up a page (of at most
 * 100) per transaction, so an event of any size is cancelled in bounded steps.
 */
export async function cancelEvent({ store, user, now }: SignedInCtx, { id }: Req<'events.cancel'>): Promise<EventView> {
  const at = now().toISOString();
  const event = await store.transaction(async (tx) => {
    const e = await loadEvent(tx, id);
    if (!canRun(user, e)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
    const next: CommunityEvent = { ...e, status: 'cancelled', confirmedCount: 0, updatedAt: at };
    await tx.set('events', id, next);
    return next;
  });
  // Each page of sign-ups is cancelled together with its messages, so nobody is cancelled without being told.
  await tellEveryone(
    store,
    event,
    'eventCancelled',
    'cancel',
    '活动已取消',
    `您报名的活动“${event.title}”（${beijingRange(event.startAt, event.endAt)}）已取消，给您带来不便，敬请谅解。`,
    at,
    (tx, s) => tx.set('signups', s.id, { ...s, status: 'cancelled', updatedAt: at }),
  );
  return view(store, event, null, now(), 0);
}
