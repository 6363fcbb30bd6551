import { coverageSubscriptions } from '../../areas/coverage';
import { outletsRouter } from '../../areas/outlets/router';
import { cloudMain } from '../entry';

/** CloudBase function `outlets`: `{ action, data }` → envelope; coverage follows its changes. */
export const main = cloudMain(outletsRouter, coverageSubscriptions);
