import { FUNCTIONS, type FnName } from '../../types';
import { authRouter } from '../areas/auth/router';
import { circlesRouter } from '../areas/circles/router';
import { coverageSubscriptions } from '../areas/coverage';
import { coverageRouter } from '../areas/coverage/router';
import { demandRouter } from '../areas/demand/router';
import { eventsRouter } from '../areas/events/router';
import { filesRouter } from '../areas/files/router';
import { geoRouter } from '../areas/geo/router';
import { merchantsRouter } from '../areas/merchants/router';
import { messagesRouter } from '../areas/messages/router';
import { outletsRouter } from '../areas/outlets/router';
import { ratingsRouter } from '../areas/ratings/router';
import { reviewsRouter } from '../areas/reviews/router';
import { surveysRouter } from '../areas/surveys/router';
import { subsidiesRouter } from '../areas/subsidies/router';
import { warningsSubscriptions } from '../areas/warnings';
import { warningsRouter } from '../areas/warnings/router';
import { supervisionRouter } from '../areas/supervision/router';
import { guidelinesRouter } from '../areas/guidelines/router';
import { subscriptions, type Router, type Subscriptions } from '../router/define';

/** Every function's router, by function name: the local server carries them all. */
export const ROUTERS: Record<FnName, Router> = {
  auth: authRouter,
  geo: geoRouter,
  outlets: outletsRouter,
  coverage: coverageRouter,
  circles: circlesRouter,
  events: eventsRouter,
  merchants: merchantsRouter,
  reviews: reviewsRouter,
  files: filesRouter,
  ratings: ratingsRouter,
  surveys: surveysRouter,
  demand: demandRouter,
  messages: messagesRouter,
  subsidies: subsidiesRouter,
  warnings: warningsRouter,
  supervision: supervisionRouter,
  guidelines: guidelinesRouter,
};

/** Who reacts to which change, when every area runs in one process. */
/** Coverage first: the warnings about missing services read the coverage it has just refreshed. */
export const LOCAL_SUBSCRIPTIONS: Subscriptions = subscriptions(coverageSubscriptions, warningsSubscriptions);

export function routerFor(fn: string): Router | undefined {
  return (FUNCTIONS as readonly string[]).includes(fn) ? ROUTERS[fn as FnName] : undefined;
}

export type { Caller, Deps, Router } from '../router/define';
