import { coverageSubscriptions } from '../../areas/coverage';
import { warningsSubscriptions } from '../../areas/warnings';
import { subscriptions } from '../../router/define';
import { reviewsRouter } from '../../areas/reviews/router';
import { cloudMain } from '../entry';

/** CloudBase function `reviews`: `{ action, data }` → envelope; coverage follows its changes, then warnings. */
export const main = cloudMain(reviewsRouter, subscriptions(coverageSubscriptions, warningsSubscriptions));
