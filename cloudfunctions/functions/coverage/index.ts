import { coverageRouter } from '../../areas/coverage/router';
import { cloudMain } from '../entry';

/** CloudBase function `coverage`: `{ action, data }` → envelope. */
export const main = cloudMain(coverageRouter);
