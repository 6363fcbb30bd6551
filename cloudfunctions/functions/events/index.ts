import { cloudMain } from '../entry';

/** CloudBase function `events`: `{ action, data }` → envelope. */
export const main = cloudMain('events');
