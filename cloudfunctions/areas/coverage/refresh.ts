import type { Store } from '../../store/port';
import { refreshCoverage } from './model';
import { coverageIsCurrent, markOutletsChanging } from './version';

/**
 * How a full recompute of coverage runs. By default in line (scripts, tests, a function's own timer run); the local
 * server hands it to a worker thread so that requests keep answering from the previous version meanwhile, and the
 * cloud functions leave it to the `coverage` function's timer trigger (see cloudbaserc.json).
 */
export type FullRefreshRunner = (store: Store, now: Date) => Promise<void>;

const inline: FullRefreshRunner = async (store, now) => {
  await refreshCoverage(store, now);
};
const runners = new WeakMap<Store, FullRefreshRunner>();
let fallback: FullRefreshRunner = inline;

/**
 * In a cloud function: a request only marks the read model as behind, and the `coverage` function's timer trigger
 * recomputes it within a minute (`runDueRefresh`), in an invocation of its own with a longer timeout.
 */
export function deferFullRefreshes(): void {
  fallback = async () => undefined;
}

/** The timer's job: recomputes when the read model is behind the outlets (or has no summary yet). */
export async function runDueRefresh(store: Store, now: Date): Promise<{ refreshed: boolean }> {
  if (await coverageIsCurrent(store)) return { refreshed: false };
  await refreshCoverage(store, now);
  return { refreshed: true };
}

/** Installs how full recomputes of this store run (`null`: back to in line). */
export function setFullRefreshRunner(store: Store, runner: FullRefreshRunner | null): void {
  if (runner) runners.set(store, runner);
  else runners.delete(store);
}

/**
 * Asks for a full recompute after a bulk change (an import): the read model is first marked as behind, so that if the
 * recompute is cut short the next start or timer run redoes it; requests meanwhile answer from the previous version.
 */
export async function requestFullRefresh(store: Store, now: Date): Promise<void> {
  await markOutletsChanging(store, now);
  await (runners.get(store) ?? fallback)(store, now);
}
