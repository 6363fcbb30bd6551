import { coverageSubscriptions } from '../../areas/coverage';
import { warningsSubscriptions } from '../../areas/warnings';
import { subscriptions } from '../../router/define';
import { merchantsRouter } from '../../areas/merchants/router';
import { cloudMain } from '../entry';

/** CloudBase function `merchants`: `{ action, data }` → envelope; coverage follows its changes, then warnings. */
export const main = cloudMain(merchantsRouter, subscriptions(coverageSubscriptions, warningsSubscriptions));
