/** The warnings area's public face: its reactions to other areas' changes, and the daily pass. */
export { warningsSubscriptions } from './subscriptions';
export { evaluateDaily } from './daily';
