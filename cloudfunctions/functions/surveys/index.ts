import { surveysRouter } from '../../areas/surveys/router';
import { cloudMain } from '../entry';

/** CloudBase function `surveys`: `{ action, data }` → envelope. */
export const main = cloudMain(surveysRouter);
