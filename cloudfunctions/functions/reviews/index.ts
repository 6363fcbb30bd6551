import { cloudMain } from '../entry';

/** CloudBase function `reviews`: `{ action, data }` → envelope. */
export const main = cloudMain('reviews');
