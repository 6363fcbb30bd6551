import type { CommunityEvent, EventView, Signup, User } from '../../../types';
import { waitlistPosition } from '../../core/events';
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

/** An event as a person sees it: seats, and their own sign-up with its waitlist place. */
export function view(event: CommunityEvent, mine: Signup | null, now: Date): EventView {
  return {
    event,
    seatsLeft: Math.max(0, event.capacity - event.confirmedCount),
    joinable: event.status === 'open' && now.getTime() < Date.parse(event.deadline),
    mine: mine
      ? { ...mine, position: mine.status === 'waitlisted' ? waitlistPosition(event, mine.openid) : null }
      : null,
  };
}

/** Confirms the sign-ups of people taken from the waitlist, in the caller's transaction. */
export async function promote(tx: Transaction, eventId: string, openids: string[], at: string): Promise<void> {
  for (const openid of openids) {
    const s = await tx.get('signups', signupId(eventId, openid));
    if (s) await tx.set('signups', s.id, { ...s, status: 'confirmed', updatedAt: at });
  }
}

/** Events that offer services now or later: pop-up coverage for the report. */
export async function activeEvents(store: Store, now: Date): Promise<CommunityEvent[]> {
  return (await readAll(store, 'events', { endAt: { gte: now.toISOString() } })).filter(
    (e) => e.status === 'open' && e.categories.length > 0,
  );
}
