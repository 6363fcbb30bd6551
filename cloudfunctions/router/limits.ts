import type { Store } from '../store/port';

/**
 * Deletes the limit counters whose time has passed (a minute's writes, an hour's ratings, a day's uploads), so
 * `rateLimits` does not grow with every person and minute; answers how many went. The local server runs it daily,
 * the `messages` function's timer in the cloud (at most `max` a run, so one run stays well inside its timeout).
 */
export async function pruneRateLimits(store: Store, now: Date, max = Infinity): Promise<number> {
  const cutoff = now.toISOString();
  let n = 0;
  while (n < max) {
    const page = await store.query('rateLimits', {
      where: { expiresAt: { lt: cutoff } },
      limit: Math.max(1, Math.min(100, max - n)),
    });
    for (const c of page.items) await store.remove('rateLimits', c.id);
    n += page.items.length;
    if (!page.nextCursor) break;
  }
  return n;
}
