import { scheduledAssessments } from '../areas/subsidies';
import { evaluateDaily } from '../areas/warnings';
import type { Subscriptions } from '../router/define';
import type { Store } from '../store/port';

/** How often the local server looks for work: the assessment of a period that ended, and the daily warnings. */
export const SUPERVISION_JOBS_MS = 60 * 60 * 1000;

/**
 * The local stand-in for the cloud's daily timer: assesses the supported outlets once for the period that just
 * ended (a second run writes nothing) and evaluates the daily warning rules (raising is idempotent). Runs once now
 * and then every hour; the timer does not keep the process alive. Answers a stop function.
 */
export function startSupervisionJobs(
  store: Store,
  now: () => Date,
  subscriptions: Subscriptions,
  log: (m: string, e: unknown) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await scheduledAssessments({ store, now, subscriptions });
      await evaluateDaily(store, now());
    } catch (err) {
      log('supervision jobs failed', err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), SUPERVISION_JOBS_MS);
  timer.unref();
  return () => clearInterval(timer);
}
