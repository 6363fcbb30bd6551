import type { CommunityEvent, EventView, Req } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { forEachPage } from '../../store/port';
import { canRun, loadEvent, view } from './repo';
import { fillSeats } from './seats';

/** Change title, description, deadline or capacity; more seats go to the waitlist in order. */
export async function updateEvent({ store, user, now }: SignedInCtx, input: Req<'events.update'>): Promise<EventView> {
  const at = now().toISOString();
  await store.transaction(async (tx) => {
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
  });
  await fillSeats(store, input.id, at);
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
  await forEachPage(store, 'signups', { eventId: id, status: { in: ['confirmed', 'waitlisted'] } }, (page) =>
    store.transaction(async (tx) => {
      for (const s of page) await tx.set('signups', s.id, { ...s, status: 'cancelled', updatedAt: at });
    }),
  );
  return view(store, event, null, now(), 0);
}
