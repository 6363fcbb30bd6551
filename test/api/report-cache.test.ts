import { refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { readAll } from '../../cloudfunctions/store/port';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { BASIC_CATEGORIES, type Req } from '../../types';
import { eventInput } from '../support/events';
import { call, depsFor, ok, seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

/** Saturday 28 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-28T02:00:00Z');

/**
 * `coverage.report` is kept in each process's memory while what it is built from is unchanged. These tests change
 * each of its inputs — through actions and behind their back, straight in the store — and expect the next report to
 * show it at once.
 */
describe('the kept coverage report', () => {
  let store: SqliteStore;
  let clock = NOW;
  let queries = 0;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    clock = NOW;
    queries = 0;
    // Counts the multi-document reads the report makes (communities, streets, circles, events).
    const counting = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'query')
          return (...args: Parameters<SqliteStore['query']>) => {
            queries++;
            return target.query(...args);
          };
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    deps = depsFor(counting, { now: () => clock });
    await refreshCoverage(store, NOW);
  });
  afterEach(() => store.close());

  const report = async (data: Req<'coverage.report'> = {}) => ok(await call(deps, 'coverage.report', data));

  it('answers a repeated request without reading the collections again, and the same figures', async () => {
    const first = await report();
    const read = queries;
    expect(read).toBeGreaterThan(0);
    expect(await report()).toEqual(first);
    expect(queries).toBe(read);
    // Another walk, street or instant is another report.
    const street = await report({ streetCode: '110102001' });
    expect(queries).toBeGreaterThan(read);
    expect(street.streets.map((s) => s.code)).toEqual(['110102001']);
  });

  it('follows circles, communities and streets written straight to the store', async () => {
    const before = await report();
    const members = (await readAll(store, 'communities', { streetCode: '110102001' })).filter((c) => c.location);
    const circle = {
      id: 'circle-test',
      name: '测试生活圈',
      streetCode: '110102001',
      members: members.slice(0, 2).map((c) => c.code),
      centre: members[0].location!,
      minutes: 10 as const,
      year: null,
      status: 'planned' as const,
      source: 'proposed' as const,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    await store.set('circles', circle.id, circle);
    expect((await report()).circles.find((c) => c.id === circle.id)).toMatchObject({ name: '测试生活圈', located: 2 });
    await store.update('circles', circle.id, { name: '改过名的生活圈' });
    expect((await report()).circles.find((c) => c.id === circle.id)?.name).toBe('改过名的生活圈');

    const [street] = await readAll(store, 'streets');
    await store.update('streets', street.code, { name: '改过名的街道' });
    expect((await report()).streets.find((s) => s.code === street.code)?.name).toBe('改过名的街道');

    const located = (await readAll(store, 'communities')).find((c) => c.location)!;
    await store.update('communities', located.code, { location: null });
    const after = await report();
    expect(after.district.unlocated).toBe(before.district.unlocated + 1);
  });

  it('follows the coverage read model: an outlet approved and the model refreshed', async () => {
    const before = await report();
    const c = (await readAll(store, 'communities')).find((x) => x.location)!;
    const [lng, lat] = c.location!.coordinates;
    for (const cat of BASIC_CATEGORIES)
      await store.set('outlets', `o-${cat}`, outlet(`o-${cat}`, lng, lat, { categories: [cat] }));
    await refreshCoverage(store, new Date(NOW.getTime() + 60_000));
    const after = await report();
    expect(after.district.served).toBeGreaterThan(before.district.served);
    expect(after.computedAt).not.toBe(before.computedAt);
  });

  it('stops counting an event once it is over, without any write', async () => {
    const worker = { account: 'worker-110102001' };
    const event = eventInput({
      startAt: '2026-12-05T09:00:00+08:00',
      endAt: '2026-12-05T11:30:00+08:00',
      deadline: '2026-12-04T18:00:00+08:00',
      categories: ['repair'],
    });
    ok(await call(deps, 'events.create', event, worker));
    expect((await report()).popUp.events).toBe(1);
    clock = new Date('2026-12-05T03:29:00Z'); // 11:29 in Beijing: still on
    expect((await report()).popUp.events).toBe(1);
    clock = new Date('2026-12-05T03:31:00Z'); // 11:31: over
    expect((await report()).popUp.events).toBe(0);
  });
});
