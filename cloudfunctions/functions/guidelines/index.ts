import { guidelinesRouter } from '../../areas/guidelines/router';
import { cloudMain } from '../entry';

/** CloudBase function `guidelines` (一街一则): `{ action, data }` → envelope; carries the Word export. */
export const main = cloudMain(guidelinesRouter);
