import { cloudMain } from '../entry';

/** CloudBase function `files`: `{ action, data }` → envelope. */
export const main = cloudMain('files');
