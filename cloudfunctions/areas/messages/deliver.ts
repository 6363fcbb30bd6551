import type { Message } from '../../../types';
import { addMinutes } from '../../../types/time';
import type { Store } from '../../store/port';

/** Sends one message to the person in WeChat; throws when it could not. */
export interface MessageSender {
  send(message: Message): Promise<void>;
}

/** Attempts before a message is given up (it stays in the inbox). */
export const MAX_ATTEMPTS = 5;
/** A claim older than this belonged to a sender that stopped half way: the message is tried again. */
export const CLAIM_MINUTES = 5;

async function claim(store: Store, id: string, at: string): Promise<Message | null> {
  return store.transaction(async (tx) => {
    const m = await tx.get('messages', id);
    const stale = m?.delivery === 'sending' && (m.claimedAt ?? '') <= addMinutes(at, -CLAIM_MINUTES);
    if (!m || (m.delivery !== 'pending' && !stale)) return null;
    const next: Message = { ...m, delivery: 'sending', attempts: m.attempts + 1, claimedAt: at };
    await tx.set('messages', id, next);
    return next;
  });
}

/** Tries a send a few times at once (a passing network fault), answering the last error or null when it went. */
async function sendWithRetry(sender: MessageSender, m: Message, tries = 3): Promise<string | null> {
  let error = '';
  for (let i = 0; i < tries; i++) {
    try {
      await sender.send(m);
      return null;
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    }
  }
  return error;
}

/**
 * Delivers waiting messages one by one: each is claimed in a transaction (so two senders never send it both), sent,
 * then marked sent; a failure puts it back for a later run until MAX_ATTEMPTS. A sender that stops half way leaves
 * at most the message it was sending claimed; after CLAIM_MINUTES it is tried again, so a message is never lost
 * (the local sender records by message id, so a repeat records nothing new).
 */
export async function deliverMessages(
  store: Store,
  sender: MessageSender,
  now: () => Date,
  limit = 200,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const at = now().toISOString();
  const waiting = [
    ...(await store.query('messages', { where: { delivery: 'pending' }, limit: 100 })).items,
    ...(
      await store.query('messages', {
        where: { delivery: 'sending', claimedAt: { lte: addMinutes(at, -CLAIM_MINUTES) } },
        limit: 100,
      })
    ).items,
  ].slice(0, limit);
  for (const w of waiting) {
    const m = await claim(store, w.id, now().toISOString());
    if (!m) continue;
    const error = await sendWithRetry(sender, m);
    if (error === null) {
      await store.update('messages', m.id, { delivery: 'sent', sentAt: now().toISOString(), lastError: null });
      sent++;
    } else {
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      await store.update('messages', m.id, { delivery: giveUp ? 'failed' : 'pending', lastError: error });
      if (giveUp) failed++;
    }
  }
  return { sent, failed };
}

/** The local stand-in for WeChat: records what it would send, once per message, for admins to see. */
export function recordingSender(store: Store, now: () => Date): MessageSender {
  return {
    async send(m) {
      await store.set('deliveries', m.id, { id: m.id, recipient: m.recipient, kind: m.kind, at: now().toISOString() });
    },
  };
}
