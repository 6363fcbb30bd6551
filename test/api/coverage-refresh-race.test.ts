import { coverageIsCurrent, loadCoverage, refreshAround, refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { readAll, type Store } from '../../cloudfunctions/store/port';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

const NOW = new Date('2026-11-28T02:00:00Z');

/**
 * A full recompute works from the outlets as it read them. An outlet approved while it runs gets coverage around it
 * recomputed at once (the `outletChanged` subscription); the full recompute must not then overwrite that with its
 * older picture.
 */
describe('a full coverage recompute while outlets change', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await seededStore();
  });
  afterEach(() => store.close());

  /** The store, with `during` run once right after the recompute has read the outlets (`times` times at most). */
  function writingDuring(during: () => Promise<void>, times: number): Store {
    let left = times;
    return new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'query')
          return async (...args: Parameters<Store['query']>) => {
            const page = await target.query(...args);
            if (args[0] === 'outlets' && !page.nextCursor && left > 0) {
              left--;
              await during();
            }
            return page;
          };
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  }

  it('keeps an outlet approved meanwhile in the coverage it writes', async () => {
    const community = (await readAll(store, 'communities')).find((c) => c.location)!;
    const [lng, lat] = community.location!.coordinates;
    await store.set('outlets', 'before', outlet('before', lng + 0.02, lat, { categories: ['breakfast'] }));
    let n = 0;
    const approveOne = async () => {
      const id = `meanwhile-${++n}`;
      await store.set('outlets', id, outlet(id, lng, lat, { categories: ['breakfast'] }));
      await refreshAround(store, [[lng, lat]], NOW);
    };
    await refreshCoverage(writingDuring(approveOne, 1), NOW);
    const nearest = (await loadCoverage(store)).get(community.code)?.categories.breakfast?.[0];
    expect(nearest?.id).toBe('meanwhile-1');
    expect(await coverageIsCurrent(store)).toBe(true);
  });

  it('marks the model as behind when outlets keep changing round after round', async () => {
    const community = (await readAll(store, 'communities')).find((c) => c.location)!;
    const [lng, lat] = community.location!.coordinates;
    let n = 0;
    const approveOne = async () => {
      const id = `busy-${++n}`;
      await store.set('outlets', id, outlet(id, lng, lat, { categories: ['laundry'] }));
    };
    await refreshCoverage(writingDuring(approveOne, 10), NOW);
    // Three rounds each saw a write: the next start or timer run recomputes.
    expect(n).toBe(3);
    expect(await coverageIsCurrent(store)).toBe(false);
    await refreshCoverage(store, NOW);
    expect(await coverageIsCurrent(store)).toBe(true);
  });
});
