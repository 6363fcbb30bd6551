import { cloudMain } from '../entry';

/** CloudBase function `geo`: `{ action, data }` → envelope. */
export const main = cloudMain('geo');
