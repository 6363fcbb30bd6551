import type { Message, MessageKind, MessageLink } from '../../../types';
import type { Transaction } from '../../store/port';

/** What a change says to a person; the outbox adds the rest. */
export interface NewMessage {
  /** Chosen by the change, so the same change never writes the same message twice. */
  id: string;
  recipient: string;
  kind: MessageKind;
  title: string;
  body: string;
  link: MessageLink;
}

export const subscriptionId = (openid: string, kind: MessageKind) => `${openid}_${kind}`;

/**
 * Writes a message in the caller's transaction, next to the change that causes it, so neither can exist without the
 * other. A message whose id exists already is left as it is (jobs may run twice). When the person holds a one-time
 * WeChat subscription for its kind, one is used and the message waits for delivery; otherwise it is inbox only.
 */
export async function queueMessage(tx: Transaction, m: NewMessage, at: string): Promise<boolean> {
  if (await tx.get('messages', m.id)) return false;
  const subId = subscriptionId(m.recipient, m.kind);
  const sub = await tx.get('messageSubscriptions', subId);
  const deliver = !!sub && sub.count > 0;
  if (sub && deliver) await tx.set('messageSubscriptions', subId, { ...sub, count: sub.count - 1 });
  const message: Message = {
    ...m,
    createdAt: at,
    readAt: null,
    delivery: deliver ? 'pending' : 'inbox',
    attempts: 0,
    claimedAt: null,
    sentAt: null,
    lastError: null,
  };
  await tx.set('messages', m.id, message);
  return true;
}
