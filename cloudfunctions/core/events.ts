import type { CommunityEvent, PublicEvent, Signup, SignupView } from '../../types';

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

export function inCheckInWindow(event: Pick<CommunityEvent, 'startAt' | 'endAt'>, now: Date): boolean {
  const t = now.getTime();
  return t >= Date.parse(event.startAt) - CHECK_IN_EARLY_MS && t <= Date.parse(event.endAt);
}

/** A 7-digit code: the seat's number within the event (unique) and 3 random digits (not guessable). */
export function checkInCode(seat: number, random3: number): string {
  return `${String(seat).padStart(4, '0')}${String(random3 % 1000).padStart(3, '0')}`;
}

/**
 * The code of a sign-up that holds no seat (waiting, or cancelled): unique per sign-up, as the event's check-in codes
 * are (CloudBase keeps them unique by index), and never a code anyone can type (codes are digits).
 */
export function noSeatCode(signupId: string): string {
  return `none:${signupId}`;
}

/** Whether a sign-up's code can be shown at the door. */
export const isSeatCode = (code: string) => /^\d{7,10}$/.test(code);

/** The waitlist's order key of a sign-up made at `at`: earlier first, ties by id. */
export function queueKey(at: string, signupId: string): string {
  return `${at}|${signupId}`;
}

/** What anyone may see of an event: not who posted it. */
export function publicEvent(event: CommunityEvent): PublicEvent {
  const { createdBy: _createdBy, ...rest } = event;
  return rest;
}

/** A mainland mobile number as a person types it at sign-up (11 digits, starting 13–19). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** A phone as workers see it in a list: the first three and last four digits, e.g. 138****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A sign-up without the phone its person gave: what any read sends back. */
export function signupView(signup: Signup): SignupView {
  const { contactPhone: _phone, ...rest } = signup;
  return rest;
}
