import { FUNCTIONS, type FnName } from '../../types';
import { authRouter } from './auth';
import { circlesRouter } from './circles';
import { coverageRouter } from './coverage';
import { eventsRouter } from './events';
import { geoRouter } from './geo';
import { ratingsRouter } from './ratings';
import { demandRouter, surveysRouter } from './surveys';
import { merchantsRouter } from './merchants';
import { filesRouter, reviewsRouter } from './reviews';
import { outletsRouter } from './outlets';
import type { Router } from './router';

/** Every function's router, by function name. */
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
};

export function routerFor(fn: string): Router | undefined {
  return (FUNCTIONS as readonly string[]).includes(fn) ? ROUTERS[fn as FnName] : undefined;
}

export type { Caller, Deps, Router } from './router';
