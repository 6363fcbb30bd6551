import { ratingsRouter } from '../../areas/ratings/router';
import { warningsSubscriptions } from '../../areas/warnings';
import { cloudMain } from '../entry';

/** CloudBase function `ratings`: `{ action, data }` → envelope; warnings follow its changes. */
export const main = cloudMain(ratingsRouter, warningsSubscriptions);
