import type { Req, Res, Signup, SignupView } from '../../../types';
import { inCheckInWindow, maskPhone, publicEvent, signupView } from '../../core/events';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { getManyMap } from '../../store/port';
import { eventToRun, loadEvent, waitlistedCount, waitlistPosition } from './repo';

/** Attendees of an event with their nicknames, in sign-up order, with counts; no-shows once the event is over. */
export async function eventAttendees(
  { store, user, now }: SignedInCtx,
  { id, cursor }: Req<'events.attendees'>,
): Promise<Res<'events.attendees'>> {
  const event = await eventToRun(store, user, id);
  const [page, waiting] = await Promise.all([
    store.query('signups', { where: { eventId: id }, orderBy: { field: 'queueKey' }, cursor }),
    waitlistedCount(store, id),
  ]);
  const people = await getManyMap(
    store,
    'users',
    page.items.map((s) => s.openid),
  );
  const over = now().getTime() > Date.parse(event.endAt);
  const positions = await Promise.all(page.items.map((s) => waitlistPosition(store, s)));
  return {
    event: publicEvent(event),
    counts: {
      confirmed: event.confirmedCount,
      waitlisted: waiting,
      checkedIn: event.checkedInCount,
      noShows: over ? event.confirmedCount - event.checkedInCount : null,
    },
    items: page.items.map((s, i) => ({
      ...signupView(s),
      nickname: people.get(s.openid)?.nickname ?? '居民',
      phoneMasked: s.contactPhone ? maskPhone(s.contactPhone) : null,
      position: positions[i],
      noShow: over && s.status === 'confirmed' && !s.checkedInAt,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Check-in by the code the resident shows (scanned, or typed), only during the event window. */
export async function checkIn(
  { store, user, now }: SignedInCtx,
  { id, code }: Req<'events.checkIn'>,
): Promise<{ signup: SignupView; alreadyCheckedIn: boolean }> {
  const t = now();
  await eventToRun(store, user, id);
  const match = (await store.query('signups', { where: { eventId: id, checkInCode: code }, limit: 1 })).items[0];
  if (!match) throw new AppError('INVALID_CODE', '签到码无效，请核对');
  return store.transaction(async (tx) => {
    const e = await loadEvent(tx, id);
    if (e.status === 'cancelled') throw new AppError('CLOSED', '活动已取消');
    if (!inCheckInWindow(e, t)) throw new AppError('OUT_OF_WINDOW', '不在签到时间内（活动开始前 30 分钟至结束）');
    const s = await tx.get('signups', match.id);
    if (!s || s.status !== 'confirmed') throw new AppError('INVALID_CODE', '该报名不是已确认状态，不能签到');
    if (s.checkedInAt) return { signup: signupView(s), alreadyCheckedIn: true };
    const next: Signup = { ...s, checkedInAt: t.toISOString(), updatedAt: t.toISOString() };
    await tx.set('events', id, { ...e, checkedInCount: e.checkedInCount + 1 });
    await tx.set('signups', s.id, next);
    return { signup: signupView(next), alreadyCheckedIn: false };
  });
}

/**
 * The full phone one person gave at sign-up, for the workers of the event's street (or community) and admins to
 * call them; asked one sign-up at a time, on a tap, so no list ever carries the numbers.
 */
export async function signupContact(
  { store, user }: SignedInCtx,
  { id, signupId }: Req<'events.contact'>,
): Promise<Res<'events.contact'>> {
  await eventToRun(store, user, id);
  const s = await store.get('signups', signupId);
  if (!s || s.eventId !== id || !s.contactPhone) throw new AppError('NOT_FOUND', '该报名未留联系电话', 'signupId');
  return { phone: s.contactPhone };
}
