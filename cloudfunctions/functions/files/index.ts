import { filesRouter } from '../../areas/files/router';
import { cloudMain } from '../entry';

/** CloudBase function `files`: `{ action, data }` → envelope. */
export const main = cloudMain(filesRouter);
