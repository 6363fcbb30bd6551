import type { Deps, Subscriptions } from '../../router/define';
import { demandRisk, failedAssessments, outletRatingRisks, serviceGaps, supportedClosed } from './evaluate';

/** A warning that fails to be raised must not undo the change that caused it: the daily pass catches up. */
const safely =
  <E>(work: (event: E, deps: Deps) => Promise<unknown>) =>
  async (event: E, deps: Deps) => {
    try {
      await work(event, deps);
    } catch (err) {
      (deps.log ?? console.error)('warnings: evaluation failed', err);
    }
  };

/**
 * Warnings follow their inputs: an outlet's status (rules a and c; run after coverage has refreshed, so list
 * coverage's subscriptions first), its ratings (b), demand reports (e) and assessments (c).
 */
export const warningsSubscriptions: Subscriptions = {
  outletChanged: [
    safely(async ({ outlet, before }, { store, now }) => {
      await serviceGaps(store, outlet, before, now());
      await supportedClosed(store, outlet, before, now());
    }),
  ],
  ratingsChanged: [safely(async ({ outletId }, { store, now }) => outletRatingRisks(store, outletId, now()))],
  demandReported: [safely(async ({ report }, { store, now }) => demandRisk(store, report, now()))],
  assessed: [safely(async ({ failed }, { store, now }) => failedAssessments(store, failed, now()))],
};
