import { cloudMain } from '../entry';

/** CloudBase function `coverage`: `{ action, data }` → envelope. */
export const main = cloudMain('coverage');
