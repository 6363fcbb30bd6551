import crypto from 'node:crypto';
import type { CommunityEvent, EventView, Req, Signup } from '../../../types';
import { checkInCode, decideJoin, noSeatCode, queueKey } from '../../core/events';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { firstWaiting, loadEvent, signupId, view } from './repo';
import { fillSeats, seat } from './seats';

/**
 * Confirmed while seats last, then waitlisted in order; joining twice changes nothing. A seat is taken by writing
 * the event's counter and the sign-up together; a join onto the waitlist writes only its own sign-up, so a full
 * event has no hot document.
 */
export async function joinEvent(
  { store, openid, now }: SignedInCtx,
  { id, phone }: Req<'events.join'>,
): Promise<EventView> {
  const t = now();
  const at = t.toISOString();
  const sid = signupId(id, openid);
  const { event, signup } = await store.transaction(async (tx) => {
    const e = await loadEvent(tx, id);
    const existing = await tx.get('signups', sid);
    const outcome = decideJoin(e, existing, t);
    if (outcome.kind === 'unchanged') return { event: e, signup: existing };
    if (outcome.kind === 'closed') throw new AppError('CLOSED', outcome.message);
    const s: Signup = {
      id: sid,
      eventId: id,
      openid,
      status: outcome.kind,
      queueKey: queueKey(at, sid),
      checkInCode: noSeatCode(sid),
      checkedInAt: null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      contactPhone: phone ?? null,
    };
    if (outcome.kind === 'waitlisted') {
      await tx.set('signups', sid, s);
      return { event: e, signup: s };
    }
    const next: CommunityEvent = { ...e, confirmedCount: e.confirmedCount + 1, seatSeq: e.seatSeq + 1, updatedAt: at };
    await tx.set('events', id, next);
    const confirmed = { ...s, checkInCode: checkInCode(next.seatSeq, crypto.randomInt(1000)) };
    await tx.set('signups', sid, confirmed);
    return { event: next, signup: confirmed };
  });
  // A seat may have been freed while this person joined the waitlist.
  if (signup?.status === 'waitlisted' && (await fillSeats(store, id, at)) > 0)
    return view(store, await loadEvent(store, id), await store.get('signups', sid), t);
  return view(store, event, signup, t);
}

/** Leave: a freed seat goes at once to the first on the waitlist, in the same transaction. */
export async function leaveEvent({ store, openid, now }: SignedInCtx, { id }: Req<'events.leave'>): Promise<EventView> {
  const t = now();
  const at = t.toISOString();
  const sid = signupId(id, openid);
  const candidates = await firstWaiting(store, id, 5);
  const result = await store.transaction(async (tx) => {
    const e = await loadEvent(tx, id);
    const signup = await tx.get('signups', sid);
    if (!signup || signup.status === 'cancelled') return { event: e, signup };
    if (signup.checkedInAt) throw new AppError('CONFLICT', '已签到，不能取消报名');
    const cancelled: Signup = { ...signup, status: 'cancelled', checkInCode: noSeatCode(sid), updatedAt: at };
    let next = e;
    if (signup.status === 'confirmed') {
      let promoted = false;
      for (const c of candidates) {
        const cur = c.id === sid ? null : await tx.get('signups', c.id);
        if (cur?.status !== 'waitlisted') continue;
        next = { ...e, seatSeq: e.seatSeq + 1, updatedAt: at };
        await seat(tx, e, cur, next.seatSeq, at);
        promoted = true;
        break;
      }
      if (!promoted) next = { ...e, confirmedCount: e.confirmedCount - 1, updatedAt: at };
      await tx.set('events', id, next);
    }
    await tx.set('signups', sid, cancelled);
    return { event: next, signup: cancelled };
  });
  await fillSeats(store, id, at);
  return view(store, (await store.get('events', id)) ?? result.event, result.signup, t);
}
