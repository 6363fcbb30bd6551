/** The messages area's public face: the outbox every area writes to, and delivery. */
export { queueMessage, type NewMessage } from './outbox';
export { deliverMessages, recordingSender, type MessageSender } from './deliver';
