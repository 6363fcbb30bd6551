import crypto from 'node:crypto';
import type { CommunityEvent, Signup } from '../../../types';
import { checkInCode } from '../../core/events';
import type { Store, Transaction } from '../../store/port';
import { promotedNotice } from './notices';
import { firstWaiting } from './repo';

/** Gives a waiting person a seat: confirmed, with the seat's check-in code, and tells them in the same transaction. */
export async function seat(
  tx: Transaction,
  event: CommunityEvent,
  signup: Signup,
  seatNo: number,
  at: string,
): Promise<void> {
  await tx.set('signups', signup.id, {
    ...signup,
    status: 'confirmed',
    checkInCode: checkInCode(seatNo, crypto.randomInt(1000)),
    updatedAt: at,
  });
  await promotedNotice(tx, event, signup, seatNo, at);
}

/** At most this many rounds of filling; each round promotes at least one person or stops. */
const MAX_ROUNDS = 50;

/**
 * Hands free seats to the waitlist, first in line first. Runs after anything that can free a seat or add a waiting
 * person (a leave, a larger capacity, a join that met a full event), so a seat freed while someone joined the
 * waitlist is never left empty. Each round re-reads the event and the candidates inside one transaction, so two
 * rounds running at once never give one seat twice.
 */
export async function fillSeats(store: Store, eventId: string, at: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const event = await store.get('events', eventId);
    if (!event || event.status !== 'open' || event.confirmedCount >= event.capacity) return promoted;
    const candidates = await firstWaiting(store, eventId, Math.min(100, event.capacity - event.confirmedCount));
    if (candidates.length === 0) return promoted;
    promoted += await store.transaction(async (tx) => {
      const e = await tx.get('events', eventId);
      if (!e || e.status !== 'open') return 0;
      let n = 0;
      for (const c of candidates) {
        if (e.confirmedCount + n >= e.capacity) break;
        const cur = await tx.get('signups', c.id);
        if (cur?.status !== 'waitlisted') continue;
        n++;
        await seat(tx, e, cur, e.seatSeq + n, at);
      }
      if (n > 0) {
        const next: CommunityEvent = {
          ...e,
          confirmedCount: e.confirmedCount + n,
          seatSeq: e.seatSeq + n,
          updatedAt: at,
        };
        await tx.set('events', eventId, next);
      }
      return n;
    });
  }
  return promoted;
}
