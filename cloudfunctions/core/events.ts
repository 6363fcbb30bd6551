import type { CommunityEvent, Signup } from '../../types';

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_EARLY_MS = 30 * 60 * 1000;

export type JoinOutcome =
  { kind: 'unchanged' } | { kind: 'closed'; message: string } | { kind: 'confirmed' } | { kind: 'waitlisted' };

/** What a join does: nothing for a live sign-up, refused after the deadline, else a seat or the waitlist. */
export function decideJoin(event: CommunityEvent, existing: Signup | null, now: Date): JoinOutcome {
  if (existing && existing.status !== 'cancelled') return { kind: 'unchanged' };
  if (event.status === 'cancelled') return { kind: 'closed', message: '活动已取消' };
  if (now.getTime() >= Date.parse(event.deadline)) return { kind: 'closed', message: '报名已截止' };
  return event.confirmedCount < event.capacity ? { kind: 'confirmed' } : { kind: 'waitlisted' };
}

/**
 * What leaving does to the event: a confirmed seat frees and goes to the first on the waitlist (whose openid is
 * returned); a waitlisted person simply leaves the line.
 */
export function planLeave(event: CommunityEvent, signup: Signup): { event: CommunityEvent; promote: string | null } {
  if (signup.status === 'waitlisted')
    return { event: { ...event, waitlist: event.waitlist.filter((o) => o !== signup.openid) }, promote: null };
  if (signup.status !== 'confirmed') return { event, promote: null };
  const [first, ...rest] = event.waitlist;
  if (first === undefined) return { event: { ...event, confirmedCount: event.confirmedCount - 1 }, promote: null };
  return { event: { ...event, waitlist: rest }, promote: first };
}

/** Seats freed by a larger capacity go to the waitlist, in order. */
export function planGrow(event: CommunityEvent, capacity: number): { event: CommunityEvent; promote: string[] } {
  const free = Math.max(0, capacity - event.confirmedCount);
  const promote = event.waitlist.slice(0, free);
  return {
    event: {
      ...event,
      capacity,
      confirmedCount: event.confirmedCount + promote.length,
      waitlist: event.waitlist.slice(promote.length),
    },
    promote,
  };
}

export function inCheckInWindow(event: CommunityEvent, now: Date): boolean {
  const t = now.getTime();
  return t >= Date.parse(event.startAt) - CHECK_IN_EARLY_MS && t <= Date.parse(event.endAt);
}

/** A 7-digit code: the sign-up's number within the event (unique) and 3 random digits (not guessable). */
export function checkInCode(seq: number, random3: number): string {
  return `${String(seq).padStart(4, '0')}${String(random3 % 1000).padStart(3, '0')}`;
}

/** 1-based place in the waitlist, or null. */
export function waitlistPosition(event: CommunityEvent, openid: string): number | null {
  const i = event.waitlist.indexOf(openid);
  return i < 0 ? null : i + 1;
}
