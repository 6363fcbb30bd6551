import { eventsRouter } from '../../areas/events/router';
import { cloudMain } from '../entry';

/** CloudBase function `events`: `{ action, data }` → envelope. */
export const main = cloudMain(eventsRouter);
