import { ratingsRouter } from '../../areas/ratings/router';
import { cloudMain } from '../entry';

/** CloudBase function `ratings`: `{ action, data }` → envelope. */
export const main = cloudMain(ratingsRouter);
