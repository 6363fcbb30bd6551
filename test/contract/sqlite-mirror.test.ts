import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../cloudfunctions/core/random';
import type { NearbyOptions, NearPage } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import type { Outlet } from '../../types';
import { offset, outlet } from '../support/outlets';

const CENTER: [number, number] = [116.3745, 39.9075];
const STATUSES = ['approved', 'approved', 'approved', 'pending', 'suspended'] as const;

/** The answer as plain data: ids, distances and the cursor (documents compared by id). */
const plain = (page: NearPage<Outlet>) => ({
  items: page.items.map((h) => [h.id, h.meters, h.doc.id]),
  nextCursor: page.nextCursor,
});

/**
 * The SQLite store answers nearby searches from an in-memory kd-tree of its spatial index once built, and from the
 * R*Tree whenever the outlets have been written since (by this connection or another). Both must give the same
 * answers, and no answer may come from a stale mirror.
 */
describe('the nearby mirror of the SQLite store', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-'));
    store = SqliteStore.open(dir);
    const rand = seededRandom(11);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 600; i++) {
        const [lng, lat] = offset(CENTER, (rand() - 0.5) * 3000, (rand() - 0.5) * 3000);
        const id = `o${String(i).padStart(4, '0')}`;
        await tx.set('outlets', id, outlet(id, lng, lat, { status: STATUSES[i % STATUSES.length] }));
      }
    });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const searches: NearbyOptions<Outlet>[] = [
    { center: CENTER, maxMeters: 667, where: { status: 'approved' }, limit: 51 },
    { center: CENTER, maxMeters: 300, where: { status: { in: ['approved', 'pending'] } }, limit: 20 },
    { center: offset(CENTER, 800, -400), maxMeters: 1200, limit: 1000 },
    { center: offset(CENTER, -2500, 2500), maxMeters: 500, where: { status: 'approved' } },
    // A test only the documents answer (as "open at" is): pages of accepted ones, widening past the refused.
    { center: CENTER, maxMeters: 900, where: { status: 'approved' }, limit: 10, accept: (o) => /[37]$/.test(o.id) },
    { center: offset(CENTER, 1400, 1400), maxMeters: 400, limit: 5, accept: (o) => o.id.endsWith('9') },
  ];

  /** Every search and its next page, as plain data. */
  const answers = async () => {
    const out = [];
    for (const s of searches) {
      const page = await store.nearby('outlets', s);
      out.push(plain(page));
      if (page.nextCursor) out.push(plain(await store.nearby('outlets', { ...s, cursor: page.nextCursor })));
    }
    return out;
  };

  it('answers exactly as the R*Tree does, pages and cursors included', async () => {
    const fromRtree = await answers(); // the first search only starts the mirror's build
    await store.mirrorsSettled();
    expect(await answers()).toEqual(fromRtree);
    expect(fromRtree[0].items.length).toBeGreaterThan(0);
  });

  it('agrees with the R*Tree at 150 random points, radii and page sizes', async () => {
    const rand = seededRandom(5);
    const random: NearbyOptions<Outlet>[] = Array.from({ length: 150 }, () => ({
      center: offset(CENTER, (rand() - 0.5) * 4000, (rand() - 0.5) * 4000),
      maxMeters: 50 + rand() * 1500,
      where: rand() < 0.8 ? { status: 'approved' } : undefined,
      limit: 1 + Math.floor(rand() * 60),
    }));
    const run = async () => Promise.all(random.map(async (q) => plain(await store.nearby('outlets', q))));
    const fromRtree = await run();
    await store.mirrorsSettled();
    expect(await run()).toEqual(fromRtree);
  });

  it('never answers from a mirror older than the last write, and builds the next one', async () => {
    await answers();
    await store.mirrorsSettled();
    const before = await store.nearby('outlets', searches[0]);
    const nearest = before.items[0];
    // Closed, moved far away, and a new one at the very centre.
    await store.update('outlets', nearest.id, { status: 'closed' });
    const moved = before.items[1];
    await store.update('outlets', moved.id, { location: { type: 'Point', coordinates: offset(CENTER, 5000, 0) } });
    await store.set('outlets', 'fresh', outlet('fresh', CENTER[0], CENTER[1]));
    const ids = async () => (await store.nearby('outlets', searches[0])).items.map((h) => h.id);
    const after = await ids();
    expect(after[0]).toBe('fresh');
    expect(after).not.toContain(nearest.id);
    expect(after).not.toContain(moved.id);
    await store.mirrorsSettled();
    expect(await ids()).toEqual(after);
    await store.remove('outlets', 'fresh');
    expect(await ids()).not.toContain('fresh');
  });

  it('sees writes made through another connection to the same file', async () => {
    await answers();
    await store.mirrorsSettled();
    const other = SqliteStore.open(dir);
    await other.set('outlets', 'elsewhere', outlet('elsewhere', CENTER[0], CENTER[1]));
    await other.close();
    expect((await store.nearby('outlets', searches[0])).items[0].id).toBe('elsewhere');
  });

  it('hands out kept documents frozen, so a caller cannot change what the next search answers', async () => {
    await answers();
    await store.mirrorsSettled();
    const [hit] = (await store.nearby('outlets', searches[0])).items;
    const doc = hit.doc;
    expect(Object.isFrozen(doc)).toBe(true);
    expect(() => {
      (doc as { name: string }).name = '改了';
    }).toThrow(TypeError);
    expect(() => doc.categories.push('breakfast')).toThrow(TypeError);
    const again = (await store.nearby('outlets', searches[0])).items[0];
    expect(again.doc.name).toBe(`测试网点${hit.id}`);
  });
});
