import type { CommunityEvent, EventView, Signup, User } from '../../../types';
import { publicEvent, signupView } from '../../core/events';
import { AppError } from '../../core/errors';
import { canRunLocal } from '../../core/policy';
import { readAll, type Store, type Transaction } from '../../store/port';

/** A sign-up's id: one per person per event, so nobody signs up twice. */
export const signupId = (eventId: string, openid: string) => `${eventId}_${openid}`;

/** A worker may run events of their street (a community worker: of their community); an admin, any. */
export const canRun = (user: User, event: Pick<CommunityEvent, 'streetCode' | 'communityCode'>) =>
  canRunLocal(user, event.streetCode, event.communityCode);

export async function loadEvent(tx: Pick<Transaction, 'get'>, id: string): Promise<CommunityEvent> {
  const event = await tx.get('events', id);
  if (!event) throw new AppError('NOT_FOUND', '未找到该活动', 'id');
  return event;
}

/** An event the caller runs, or FORBIDDEN. */
export async function eventToRun(store: Store, user: User, id: string): Promise<CommunityEvent> {
  const event = await loadEvent(store, id);
  if (!canRun(user, event)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
  return event;
}

/** How many are waiting for a seat. */
export function waitlistedCount(store: Store, eventId: string): Promise<number> {
  return store.count('signups', { eventId, status: 'waitlisted' });
}

/** A waitlisted sign-up's place in line, computed from the sign-ups themselves (1 = next to get a seat). */
export async function waitlistPosition(store: Store, signup: Signup): Promise<number | null> {
  if (signup.status !== 'waitlisted') return null;
  return (
    1 +
    (await store.count('signups', { eventId: signup.eventId, status: 'waitlisted', queueKey: { lt: signup.queueKey } }))
  );
}

/** The first `limit` people on the waitlist, in order. */
export async function firstWaiting(store: Store, eventId: string, limit: number): Promise<Signup[]> {
  return (
    await store.query('signups', {
      where: { eventId, status: 'waitlisted' },
      orderBy: { field: 'queueKey' },
      limit,
    })
  ).items;
}

/** An event as a person sees it: seats, and their own sign-up with its waitlist place. */
export async function view(
  store: Store,
  event: CommunityEvent,
  mine: Signup | null,
  now: Date,
  waitlisted: number | null = null,
): Promise<EventView> {
  return {
    event: publicEvent(event),
    seatsLeft: Math.max(0, event.capacity - event.confirmedCount),
    waitlisted,
    joinable: event.status === 'open' && now.getTime() < Date.parse(event.deadline),
    mine: mine ? { ...signupView(mine), position: await waitlistPosition(store, mine) } : null,
  };
}

/** Events that offer services now or later: pop-up coverage for the report. */
export async function activeEvents(store: Store, now: Date): Promise<CommunityEvent[]> {
  return (await readAll(store, 'events', { endAt: { gte: now.toISOString() } })).filter(
    (e) => e.status === 'open' && e.categories.length > 0,
  );
}
