import { cloudMain } from '../entry';

/** CloudBase function `outlets`: `{ action, data }` → envelope. */
export const main = cloudMain('outlets');
