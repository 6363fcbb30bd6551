import { Geodesic } from 'geographiclib-geodesic';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { planCsv, testPlan } from './import-fixtures';

/** Distance on the ellipsoid, independent of the product's own distance function. */
const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
const ADMIN = { account: 'admin' };
/** 10 minutes ≈ 667 m (80 m/min, detour 1.2); a few metres for rounding the centre to 6 decimals. */
const TEN_MINUTES_M = 667 + 3;

describe('merging small circles (circles.propose { merge: true })', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 0, FIXED_NOW);
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  it('merges a plan of one-community circles into fewer circles, each within one street and every located member within reach of its new centre', async () => {
    const all = await readAll(store, 'communities');
    // The district's plan with one circle per community: 263 circles, most of them far too small.
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 263, 10)) }, ADMIN));
    const before = await readAll(store, 'circles', { minutes: { in: [8, 10] } });
    expect(before).toHaveLength(263);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const beforeById = new Map(before.map((c) => [c.id, c]));

    const merged = ok(await call(deps, 'circles.propose', { merge: true }, ADMIN));
    expect(merged.merge).toBe(true);
    expect(merged.counts).toEqual({ before: 263, after: merged.circles.length });
    expect(merged.circles.length).toBeLessThan(150);
    // Nothing is lost or doubled: every community of every circle is in exactly one merged circle.
    expect(merged.circles.flatMap((c) => c.members).sort()).toEqual(all.map((c) => c.code).sort());
    expect(merged.circles.flatMap((c) => c.mergedFrom!).sort()).toEqual(before.map((c) => c.id).sort());
    let joined = 0;
    for (const c of merged.circles) {
      const streets = new Set(c.members.map((m) => byCode.get(m)!.streetCode));
      expect([...streets]).toEqual([c.streetCode]);
      expect(c.mergedFrom!.every((id) => beforeById.get(id)!.streetCode === c.streetCode)).toBe(true);
      expect(c.mergedFrom!.flatMap((id) => beforeById.get(id)!.members).sort()).toEqual([...c.members].sort());
      if (c.mergedFrom!.length < 2) continue;
      joined++;
      for (const m of c.members) {
        const loc = byCode.get(m)!.location;
        if (loc) expect(geodesic(c.centre.coordinates, loc.coordinates)).toBeLessThanOrEqual(TEN_MINUTES_M);
      }
    }
    expect(joined).toBeGreaterThan(20);
    // A proposal only: the plan itself is unchanged.
    expect(await store.count('circles', { minutes: { in: [8, 10] } })).toBe(263);
  });

  it('merges only the asked street’s circles and counts them', async () => {
    const all = await readAll(store, 'communities');
    const street = all.find((c) => c.location)!.streetCode;
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 263, 10)) }, ADMIN));
    const merged = ok(await call(deps, 'circles.propose', { merge: true, streetCode: street }, ADMIN));
    const own = all.filter((c) => c.streetCode === street);
    expect(merged.counts).toEqual({ before: own.length, after: merged.circles.length });
    expect(merged.circles.every((c) => c.streetCode === street)).toBe(true);
    expect(merged.circles.flatMap((c) => c.members).sort()).toEqual(own.map((c) => c.code).sort());
    expect(merged.circles.length).toBeLessThan(own.length);
  });

  it('merges the split of the 15-minute circles only inside each 15-minute circle', async () => {
    const all = await readAll(store, 'communities');
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 38, 15)) }, ADMIN));
    const split = ok(await call(deps, 'circles.propose', { from: 'fifteen' }, ADMIN));
    const merged = ok(await call(deps, 'circles.propose', { from: 'fifteen', merge: true }, ADMIN));
    expect(merged.counts).toEqual({ before: split.circles.length, after: merged.circles.length });
    expect(merged.circles.length).toBeLessThanOrEqual(split.circles.length);
    const fifteens = new Map((await readAll(store, 'circles', { minutes: 15 })).map((c) => [c.id, c]));
    for (const c of merged.circles)
      expect(fifteens.get(c.parentId!)!.members).toEqual(expect.arrayContaining(c.members));
    expect(merged.unassigned.sort()).toEqual(split.unassigned.sort());
  });

  it('an admin accepts the merge in place: absorbing circles keep their id and name, the others go, every community points to its circle', async () => {
    const all = await readAll(store, 'communities');
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 263, 10)) }, ADMIN));
    const before = new Map((await readAll(store, 'circles')).map((c) => [c.id, c]));
    const proposal = ok(await call(deps, 'circles.propose', { merge: true }, ADMIN));
    expect(
      errorOf(
        await call(deps, 'circles.save', { op: 'accept', minutes: 10, merge: true }, { account: 'worker-110102001' }),
      ).code,
    ).toBe('FORBIDDEN');
    const changed = ok(await call(deps, 'circles.save', { op: 'accept', minutes: 10, merge: true }, ADMIN)).circles;
    expect(changed).toHaveLength(proposal.circles.filter((c) => c.mergedFrom!.length > 1).length);
    const after = await readAll(store, 'circles');
    expect(after).toHaveLength(proposal.counts!.after);
    for (const p of proposal.circles) {
      const kept = after.find((c) => c.id === p.mergedFrom![0])!;
      expect(kept).toMatchObject({ name: before.get(kept.id)!.name, source: 'official' });
      expect([...kept.members].sort()).toEqual([...p.members].sort());
      for (const gone of p.mergedFrom!.slice(1)) expect(after.some((c) => c.id === gone)).toBe(false);
    }
    const byId = new Map(after.map((c) => [c.id, c]));
    for (const c of await readAll(store, 'communities')) expect(byId.get(c.circleId!)?.members).toContain(c.code);
    // Merging again finds nothing more to merge.
    expect(ok(await call(deps, 'circles.propose', { merge: true }, ADMIN)).counts).toEqual({
      before: after.length,
      after: after.length,
    });
  });

  it('is for workers and admins only', async () => {
    expect(errorOf(await call(deps, 'circles.propose', { merge: true }, { account: 'resident' })).code).toBe(
      'FORBIDDEN',
    );
  });
});
