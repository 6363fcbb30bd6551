import crypto from 'node:crypto';
import type { CommunityEvent, EventView, Req, Signup } from '../../../types';
import { checkInCode, decideJoin, planLeave } from '../../core/events';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { loadEvent, promote, signupId, view } from './repo';

/** Confirmed while seats last, then waitlisted in order; joining twice changes nothing. */
export async function joinEvent({ store, openid, now }: SignedInCtx, { id }: Req<'events.join'>): Promise<EventView> {
  const t = now();
  const at = t.toISOString();
  return store.transaction(async (tx) => {
    const event = await loadEvent(tx, id);
    const existing = await tx.get('signups', signupId(id, openid));
    const outcome = decideJoin(event, existing, t);
    if (outcome.kind === 'unchanged') return view(event, existing, t);
    if (outcome.kind === 'closed') throw new AppError('CLOSED', outcome.message);
    const seq = event.joinSeq + 1;
    const next: CommunityEvent = {
      ...event,
      joinSeq: seq,
      confirmedCount: event.confirmedCount + (outcome.kind === 'confirmed' ? 1 : 0),
      waitlist: outcome.kind === 'waitlisted' ? [...event.waitlist, openid] : event.waitlist,
      updatedAt: at,
    };
    const signup: Signup = {
      id: signupId(id, openid),
      eventId: id,
      openid,
      status: outcome.kind,
      checkInCode: checkInCode(seq, crypto.randomInt(1000)),
      checkedInAt: null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.set('events', id, next);
    await tx.set('signups', signup.id, signup);
    return view(next, signup, t);
  });
}

/** Leave: a freed seat goes at once to the first on the waitlist. */
export async function leaveEvent({ store, openid, now }: SignedInCtx, { id }: Req<'events.leave'>): Promise<EventView> {
  const at = now().toISOString();
  return store.transaction(async (tx) => {
    const event = await loadEvent(tx, id);
    const signup = await tx.get('signups', signupId(id, openid));
    if (!signup || signup.status === 'cancelled') return view(event, signup, now());
    if (signup.checkedInAt) throw new AppError('CONFLICT', '已签到，不能取消报名');
    const { event: next, promote: first } = planLeave(event, signup);
    const cancelled: Signup = { ...signup, status: 'cancelled', updatedAt: at };
    await tx.set('events', id, { ...next, updatedAt: at });
    await tx.set('signups', signup.id, cancelled);
    if (first) await promote(tx, id, [first], at);
    return view(next, cancelled, now());
  });
}
