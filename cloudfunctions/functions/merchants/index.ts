import { coverageSubscriptions } from '../../areas/coverage';
import { merchantsRouter } from '../../areas/merchants/router';
import { cloudMain } from '../entry';

/** CloudBase function `merchants`: `{ action, data }` → envelope; coverage follows its changes. */
export const main = cloudMain(merchantsRouter, coverageSubscriptions);
