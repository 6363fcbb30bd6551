import { scheduledAssessments } from '../areas/subsidies';
import { evaluateDaily } from '../areas/warnings';
import type { Subscriptions } from '../router/define';
import type { Store } from '../store/port';

/** How often the local server looks for work: the assessment of a period that ended, and the daily warnings. */
export const SUPERVISION_JOBS_MS = 60 * 60 * 1000;

/**
 * The local stand-in for the cloud's daily timer: assesses the supported outlets once for the period that just
 * ended (a second run writes nothing) and evaluates the daily warning rules (raising is idempotent). Each job runs
 * on its own: one that fails is logged and does not keep the other from running. Runs once now and then every
 * hour; the timer does not keep the process alive. Answers a stop function, which resolves once a run under way
 * has finished.
 */
export function startSupervisionJobs(
  store: Store,
  now: () => Date,
  subscriptions: Subscriptions,
  log: (m: string, e: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const job = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (err) {
      log(`supervision job failed: ${name}`, err);
    }
  };
  const tick = () => {
    if (running) return;
    running = (async () => {
      await job('assessments', () => scheduledAssessments({ store, now, subscriptions }));
      await job('daily warnings', () => evaluateDaily(store, now()));
    })().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, SUPERVISION_JOBS_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
