import { coverageSubscriptions } from '../../areas/coverage';
import { warningsSubscriptions } from '../../areas/warnings';
import { subscriptions } from '../../router/define';
import { outletsRouter } from '../../areas/outlets/router';
import { cloudMain } from '../entry';

/** CloudBase function `outlets`: `{ action, data }` → envelope; coverage follows its changes, then warnings. */
export const main = cloudMain(outletsRouter, subscriptions(coverageSubscriptions, warningsSubscriptions));
