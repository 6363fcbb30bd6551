import { demandRouter } from '../../areas/demand/router';
import { warningsSubscriptions } from '../../areas/warnings';
import { cloudMain } from '../entry';

/** CloudBase function `demand`: `{ action, data }` → envelope; warnings follow its changes. */
export const main = cloudMain(demandRouter, warningsSubscriptions);
