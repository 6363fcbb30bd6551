import { remindUpcoming } from '../areas/events';
import { deliverMessages, recordingSender } from '../areas/messages';
import { inviteOpenSurveys } from '../areas/surveys';
import type { Store } from '../store/port';

/** How often the local server runs the message jobs. */
export const MESSAGE_JOBS_MS = 60 * 1000;

/**
 * The local stand-in for the cloud's timer: reminders, survey invitations and delivery (recorded, not sent). Runs
 * once now and then every minute; the timer does not keep the process alive. Answers a stop function.
 */
export function startMessageJobs(store: Store, now: () => Date, log: (m: string, e: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await remindUpcoming(store, now());
      await inviteOpenSurveys(store, now());
      await deliverMessages(store, recordingSender(store, now), now);
    } catch (err) {
      log('message jobs failed', err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), MESSAGE_JOBS_MS);
  timer.unref();
  return () => clearInterval(timer);
}
