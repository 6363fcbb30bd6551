import { takeSnapshot } from '../areas/supervision';
import type { Store } from '../store/port';

/** How often the local server keeps the day's convenience index (the cloud's timer runs twice a day). */
export const SNAPSHOT_JOB_MS = 12 * 3600 * 1000;

/**
 * The local stand-in for the supervision function's timer: the day's index snapshot, now and every twelve hours
 * (one snapshot per Beijing day whatever the number of runs); the timer does not keep the process alive.
 */
export function startSnapshotJobs(store: Store, now: () => Date, log: (m: string, e: unknown) => void): () => void {
  const tick = () => void takeSnapshot(store, now()).catch((err: unknown) => log('index snapshot failed', err));
  tick();
  const timer = setInterval(tick, SNAPSHOT_JOB_MS);
  timer.unref();
  return () => clearInterval(timer);
}
