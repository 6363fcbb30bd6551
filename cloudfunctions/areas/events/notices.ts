import type { CommunityEvent, MessageKind, Signup } from '../../../types';
import { addMinutes, beijingRange } from '../../../types/time';
import type { Store, Transaction } from '../../store/port';
import { forEachPage } from '../../store/port';
import { queueMessage } from '../messages';

const link = (eventId: string) => ({ page: 'event' as const, params: { id: eventId } });

/** Tells a person that a seat freed for them, in the transaction that gives it. */
export function promotedNotice(tx: Transaction, event: CommunityEvent, signup: Signup, seatNo: number, at: string) {
  return queueMessage(
    tx,
    {
      id: `promoted_${signup.id}_${seatNo}`,
      recipient: signup.openid,
      kind: 'promoted',
      title: '候补转为正式报名',
      body: `您候补的活动“${event.title}”（${beijingRange(event.startAt, event.endAt)}）有了名额，已为您转为正式报名，请按时参加。`,
      link: link(event.id),
    },
    at,
  );
}

/**
 * Tells everyone signed up (confirmed or waiting) about a change, a page of sign-ups per transaction; `write` may
 * change each sign-up in the same transaction (cancelling it).
 */
export async function tellEveryone(
  store: Store,
  event: CommunityEvent,
  kind: MessageKind,
  key: string,
  title: string,
  body: string,
  at: string,
  write?: (tx: Transaction, s: Signup) => Promise<void>,
): Promise<number> {
  let n = 0;
  await forEachPage(store, 'signups', { eventId: event.id, status: { in: ['confirmed', 'waitlisted'] } }, (page) =>
    store.transaction(async (tx) => {
      for (const s of page) {
        if (write) await write(tx, s);
        if (
          await queueMessage(
            tx,
            {
              id: `${kind}_${event.id}_${key}_${s.openid}`,
              recipient: s.openid,
              kind,
              title,
              body,
              link: link(event.id),
            },
            at,
          )
        )
          n++;
      }
    }),
  );
  return n;
}

/**
 * 活动提醒: one reminder per confirmed person for events starting within the next 24 hours. Safe to run as often as
 * wanted: each reminder's id is fixed by the event and the person.
 */
export async function remindUpcoming(store: Store, now: Date): Promise<number> {
  const at = now.toISOString();
  const soon = await store.query('events', {
    where: { startAt: { gt: at, lte: addMinutes(at, 24 * 60) } },
    limit: 100,
  });
  let n = 0;
  for (const e of soon.items.filter((x) => x.status === 'open'))
    await forEachPage(store, 'signups', { eventId: e.id, status: 'confirmed' }, (page) =>
      store.transaction(async (tx) => {
        for (const s of page)
          if (
            await queueMessage(
              tx,
              {
                id: `reminder_${e.id}_${s.openid}`,
                recipient: s.openid,
                kind: 'reminder',
                title: '活动即将开始',
                body: `您报名的活动“${e.title}”将于 ${beijingRange(e.startAt, e.endAt)} 在${e.placeName}举行，签到码在活动页面。`,
                link: link(e.id),
              },
              at,
            )
          )
            n++;
      }),
    );
  return n;
}
