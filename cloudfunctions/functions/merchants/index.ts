import { cloudMain } from '../entry';

/** CloudBase function `merchants`: `{ action, data }` → envelope. */
export const main = cloudMain('merchants');
