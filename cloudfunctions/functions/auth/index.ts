import { authRouter } from '../../areas/auth/router';
import { cloudMain } from '../entry';

/** CloudBase function `auth`: `{ action, data }` → envelope. */
export const main = cloudMain(authRouter);
