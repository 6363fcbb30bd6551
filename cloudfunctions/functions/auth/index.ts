import { cloudMain } from '../entry';

/** CloudBase function `auth`: `{ action, data }` → envelope. */
export const main = cloudMain('auth');
