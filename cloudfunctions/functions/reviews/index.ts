import { coverageSubscriptions } from '../../areas/coverage';
import { reviewsRouter } from '../../areas/reviews/router';
import { cloudMain } from '../entry';

/** CloudBase function `reviews`: `{ action, data }` → envelope; coverage follows its changes. */
export const main = cloudMain(reviewsRouter, coverageSubscriptions);
