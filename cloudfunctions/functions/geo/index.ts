import { coverageSubscriptions, deferFullRefreshes } from '../../areas/coverage';
import { geoRouter } from '../../areas/geo/router';
import { cloudMain } from '../entry';

// A location import leaves the full coverage recompute to the coverage function's timer.
deferFullRefreshes();

/** CloudBase function `geo`: `{ action, data }` → envelope; coverage follows its changes. */
export const main = cloudMain(geoRouter, coverageSubscriptions);
