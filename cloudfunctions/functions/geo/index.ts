import { coverageSubscriptions } from '../../areas/coverage';
import { geoRouter } from '../../areas/geo/router';
import { cloudMain } from '../entry';

/** CloudBase function `geo`: `{ action, data }` → envelope; coverage follows its changes. */
export const main = cloudMain(geoRouter, coverageSubscriptions);
