import { demandRouter } from '../../areas/demand/router';
import { cloudMain } from '../entry';

/** CloudBase function `demand`: `{ action, data }` → envelope. */
export const main = cloudMain(demandRouter);
