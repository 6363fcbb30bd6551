import { z } from 'zod';
import { MESSAGE_KINDS } from '../../../types';
import { defineRouter } from '../../router/define';
import { cursor, empty } from '../../router/schemas';

/** Message ids name the change that caused them (an event, a person, a seat): longer than document ids. */
const messageId = z.string().min(1).max(300);
import { listMessages, markRead, sentMessages, subscribe, unreadCount } from './inbox';

/** Messages: each person's inbox, their WeChat subscriptions, and (for admins) what the local sender recorded. */
export const messagesRouter = defineRouter('messages', {
  list: {
    input: z.object({ cursor: cursor.optional() }),
    access: 'signedIn',
    handler: (input, ctx) => listMessages(ctx, input),
  },
  unread: { input: empty, access: 'signedIn', handler: (_input, ctx) => unreadCount(ctx) },
  read: {
    input: z.object({ id: messageId.optional(), all: z.boolean().optional() }),
    access: 'signedIn',
    handler: (input, ctx) => markRead(ctx, input),
  },
  subscribe: {
    write: true,
    input: z.object({ kinds: z.array(z.enum(MESSAGE_KINDS)).min(1).max(MESSAGE_KINDS.length) }),
    access: 'signedIn',
    handler: (input, ctx) => subscribe(ctx, input),
  },
  sent: {
    input: z.object({ cursor: cursor.optional() }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => sentMessages(ctx, input),
  },
});
