import { cloudMain } from '../entry';

/** CloudBase function `ratings`: `{ action, data }` → envelope. */
export const main = cloudMain('ratings');
