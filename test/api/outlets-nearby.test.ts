import { CATEGORIES, PAYMENT_METHODS, SERVICES, type Outlet, type OutletView, type Page, type Req } from '../../types';
import { isOpenAt, parseHours } from '../../cloudfunctions/core/hours';
import { pick, seededRandom, some } from '../../cloudfunctions/core/random';
import { displayMinutes, metersBetween, reachMeters } from '../../cloudfunctions/core/reach';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import type { Store } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { installMemoryCloudbase } from '../support/cloudbase';
import { call, depsFor, ok } from '../support/harness';
import { outlet } from '../support/outlets';

const HOURS = [
  '24h',
  'daily 07:00-20:00',
  'mon-fri 06:00-10:30',
  'daily 17:00-02:00',
  'sat,sun 09:00-18:00',
  'tue-sun 10:00-21:00',
];
const BOX = { minLng: 116.33, maxLng: 116.4, minLat: 39.87, maxLat: 39.95 };

function randomOutlets(n: number, seed: number): Outlet[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const h = parseHours(pick(rand, HOURS));
    if ('error' in h) throw new Error(h.error);
    // A few outlets share a point, so that ties in distance are exercised too.
    const twin = i > 0 && rand() < 0.03;
    const lng = BOX.minLng + rand() * (BOX.maxLng - BOX.minLng);
    const lat = BOX.minLat + rand() * (BOX.maxLat - BOX.minLat);
    return outlet(`o${String(i).padStart(5, '0')}`, lng, lat, {
      categories: some(
        rand,
        CATEGORIES.map((c) => c.id),
        0.08,
      )
        .slice(0, 3)
        .concat(pick(rand, ['vegetables', 'breakfast', 'hair'] as const)),
      services: some(rand, SERVICES, 0.3),
      payment: some(rand, PAYMENT_METHODS, 0.6),
      accessible: rand() < 0.4,
      status: rand() < 0.85 ? 'approved' : pick(rand, ['pending', 'suspended', 'closed'] as const),
      hours: h,
      ...(twin ? { location: { type: 'Point' as const, coordinates: [116.37, 39.91] as [number, number] } } : {}),
    });
  });
}

function randomQuery(rand: () => number): Req<'outlets.nearby'> {
  const q: Req<'outlets.nearby'> = {
    lng: rand() < 0.05 ? 116.37 : BOX.minLng + rand() * (BOX.maxLng - BOX.minLng),
    lat: rand() < 0.05 ? 39.91 : BOX.minLat + rand() * (BOX.maxLat - BOX.minLat),
    minutes: 1 + Math.floor(rand() * 20),
  };
  if (rand() < 0.4)
    q.categories = some(
      rand,
      CATEGORIES.map((c) => c.id),
      0.15,
    );
  if (rand() < 0.2) q.services = some(rand, SERVICES, 0.2);
  if (rand() < 0.2) q.payment = some(rand, PAYMENT_METHODS, 0.3);
  if (rand() < 0.2) q.accessible = true;
  if (rand() < 0.3)
    q.openAt = new Date(Date.UTC(2026, 10, 23) + Math.floor(rand() * 7 * 24 * 60) * 60_000).toISOString();
  return q;
}

/** The brute-force reference: read every outlet, measure, filter, sort by (distance, id). */
function reference(all: Outlet[], q: Req<'outlets.nearby'>): { id: string; minutes: number }[] {
  const max = reachMeters(q.minutes ?? 10);
  return all
    .filter((o) => o.status === 'approved')
    .map((o) => ({ o, m: metersBetween([q.lng, q.lat], o.location.coordinates) }))
    .filter(({ m }) => m <= max)
    .filter(({ o }) => !q.categories?.length || o.categories.some((c) => q.categories?.includes(c)))
    .filter(({ o }) => (q.services ?? []).every((s) => o.services.includes(s)))
    .filter(({ o }) => (q.payment ?? []).every((p) => o.payment.includes(p)))
    .filter(({ o }) => !q.accessible || o.accessible)
    .filter(({ o }) => !q.openAt || isOpenAt(o.hours, new Date(q.openAt)))
    .sort((a, b) => a.m - b.m || (a.o.id < b.o.id ? -1 : 1))
    .map(({ o, m }) => ({ id: o.id, minutes: displayMinutes(m) }));
}

async function allPages(deps: ReturnType<typeof depsFor>, q: Req<'outlets.nearby'>): Promise<OutletView[]> {
  const out: OutletView[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<OutletView> = ok(await call(deps, 'outlets.nearby', cursor ? { ...q, cursor } : q));
    expect(page.items.length).toBeLessThanOrEqual(50);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function checkAgainstReference(store: Store, outlets: Outlet[], queries: number, seed: number): Promise<number> {
  for (const o of outlets) await store.set('outlets', o.id, o);
  const deps = depsFor(store as SqliteStore);
  const rand = seededRandom(seed);
  let nonEmpty = 0;
  for (let i = 0; i < queries; i++) {
    const q = randomQuery(rand);
    const got = (await allPages(deps, q)).map((v) => ({ id: v.outlet.id, minutes: v.minutes }));
    expect({ query: q, result: got }).toEqual({ query: q, result: reference(outlets, q) });
    if (got.length) nonEmpty++;
  }
  return nonEmpty;
}

describe('outlets.nearby against a brute-force reference', () => {
  it('answers exactly what the reference answers, in the same order, on 1,000 random queries (SQLite, R*Tree)', async () => {
    const store = SqliteStore.open(':memory:');
    const nonEmpty = await checkAgainstReference(store, randomOutlets(3000, 11), 1000, 12);
    expect(nonEmpty).toBeGreaterThan(500); // the queries really find outlets
    await store.close();
  }, 120000);

  it('answers the same on CloudBase (geoNear through the real SDK), on 100 random queries', async () => {
    installMemoryCloudbase();
    const nonEmpty = await checkAgainstReference(new CloudbaseStore(cloudbaseDb()), randomOutlets(600, 21), 100, 22);
    expect(nonEmpty).toBeGreaterThan(30);
  }, 120000);
});
