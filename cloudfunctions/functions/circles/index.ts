import { circlesRouter } from '../../areas/circles/router';
import { cloudMain } from '../entry';

/** CloudBase function `circles`: `{ action, data }` → envelope. */
export const main = cloudMain(circlesRouter);
