import crypto from 'node:crypto';
import type { Message, MessageKind, MessageView, Page, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { forEachPage, getManyMap } from '../../store/port';
import { subscriptionId } from './outbox';

/** What a recipient sees of their message. */
const toView = ({ recipient: _r, attempts: _a, claimedAt: _c, lastError: _l, ...view }: Message): MessageView => view;

/** My messages, newest first; nobody reads another person's. */
export async function listMessages(
  { store, openid }: SignedInCtx,
  { cursor }: Req<'messages.list'>,
): Promise<Page<MessageView>> {
  const page = await store.query('messages', {
    where: { recipient: openid },
    orderBy: { field: 'createdAt', direction: 'desc' },
    cursor,
    limit: 30,
  });
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function unreadCount({ store, openid }: SignedInCtx): Promise<{ count: number }> {
  return { count: await store.count('messages', { recipient: openid, readAt: null }) };
}

/** Marks one of my messages read, or all of them. */
export async function markRead(
  { store, openid, now }: SignedInCtx,
  { id, all }: Req<'messages.read'>,
): Promise<{ count: number }> {
  const at = now().toISOString();
  if (id) {
    return store.transaction(async (tx) => {
      const m = await tx.get('messages', id);
      if (!m || m.recipient !== openid) throw new AppError('NOT_FOUND', '未找到该消息', 'id');
      if (m.readAt) return { count: 0 };
      await tx.set('messages', id, { ...m, readAt: at });
      return { count: 1 };
    });
  }
  if (!all) throw new AppError('INVALID_INPUT', '请指明要标记的消息', 'id');
  let count = 0;
  await forEachPage(store, 'messages', { recipient: openid, readAt: null }, (page) =>
    store.transaction(async (tx) => {
      for (const m of page) await tx.set('messages', m.id, { ...m, readAt: at });
      count += page.length;
    }),
  );
  return { count };
}

/** Records the one-time subscriptions the person accepted in WeChat: each lets one message of its kind through. */
export async function subscribe(
  { store, openid }: SignedInCtx,
  { kinds }: Req<'messages.subscribe'>,
): Promise<{ kinds: MessageKind[] }> {
  const unique = [...new Set(kinds)];
  await store.transaction(async (tx) => {
    for (const kind of unique) {
      const id = subscriptionId(openid, kind);
      const cur = await tx.get('messageSubscriptions', id);
      // WeChat keeps at most a few pending one-time grants per template; so do we.
      await tx.set('messageSubscriptions', id, { id, openid, kind, count: Math.min(5, (cur?.count ?? 0) + 1) });
    }
  });
  return { kinds: unique };
}

/**
 * A short key for a person, derived from their id with a one-way hash: an admin can tell that two deliveries went
 * to the same person without learning who it is.
 */
const shortHash = (what: string) => crypto.createHash('sha256').update(what).digest('hex');
export const personKey = (openid: string) => `用户 ${shortHash(`message-recipient:${openid}`).slice(0, 8)}`;

/** Admin: what the local sender recorded, newest first, with each message's title and delivery state. */
export async function sentMessages(
  { store }: SignedInCtx,
  { cursor }: Req<'messages.sent'>,
): Promise<Res<'messages.sent'>> {
  const page = await store.query('deliveries', { orderBy: { field: 'at', direction: 'desc' }, cursor, limit: 50 });
  const messages = await getManyMap(
    store,
    'messages',
    page.items.map((d) => d.id),
  );
  return {
    items: page.items.map((d) => {
      const m = messages.get(d.id);
      return {
        key: shortHash(`delivery:${d.id}`).slice(0, 16),
        person: personKey(d.recipient),
        kind: d.kind,
        title: m?.title ?? '',
        at: d.at,
        delivery: m?.delivery ?? 'sent',
      };
    }),
    nextCursor: page.nextCursor,
  };
}
