import { cloudMain } from '../entry';

/** CloudBase function `surveys`: `{ action, data }` → envelope. */
export const main = cloudMain('surveys');
