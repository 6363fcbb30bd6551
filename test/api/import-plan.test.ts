import fs from 'node:fs';
import path from 'node:path';
import { Geodesic } from 'geographiclib-geodesic';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { locationsCsv, planCsv, planLineNo, testPlan, testPointsForUnlocated } from './import-fixtures';

const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
const ADMIN = { account: 'admin' };

describe('the district’s circle plan (circles.importPlan) and splitting 15-minute circles', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 0, FIXED_NOW);
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  const communities = () => readAll(store, 'communities');
  const snapshot = async () => ({
    circles: (await readAll(store, 'circles')).map((c) => c.id).sort(),
    memberships: (await communities()).map((c) => [c.code, c.circleId ?? null, c.fifteenCircleId ?? null]),
  });

  it('imports an official plan of 50 circles with a report; every community points to its circle', async () => {
    const proposed = await store.count('circles');
    expect(proposed).toBeGreaterThan(0);
    const lines = testPlan(await communities(), 50, 10);
    expect(lines).toHaveLength(50);
    const report = ok(await call(deps, 'circles.importPlan', { csv: planCsv(lines) }, ADMIN));
    expect(report).toMatchObject({
      read: 50,
      circles: { eight: 0, ten: 50, fifteen: 0 },
      members: 263,
      unlocatedMembers: 115,
      replaced: proposed,
      outside: { ten: 0, fifteen: null },
      rejected: [],
      written: true,
    });
    const circles = await readAll(store, 'circles');
    expect(circles).toHaveLength(50);
    expect(circles.every((c) => c.source === 'official' && c.minutes === 10 && c.id.startsWith('official-'))).toBe(
      true,
    );
    const byId = new Map(circles.map((c) => [c.id, c]));
    for (const c of await communities()) expect(byId.get(c.circleId!)?.members).toContain(c.code);
    expect(ok(await call(deps, 'circles.list', {}))).toHaveLength(50);
    const progress = ok(await call(deps, 'circles.progress', {}));
    expect(progress.communities).toEqual({ total: 263, inCircle: 263, unlocatedInCircle: 115 });
  });

  it('refuses a community in two circles, an unknown code and a member of another street, by line, and writes nothing', async () => {
    const all = await communities();
    const lines = testPlan(all, 50, 10);
    const before = await snapshot();
    const twice = lines[1].members[0];
    const other = all.find((c) => c.streetCode !== lines[7].streetCode)!;
    lines[0].members.push(twice);
    lines[5].members.push('110102001999');
    lines[7].members.push(other.code);
    const report = ok(await call(deps, 'circles.importPlan', { csv: planCsv(lines) }, ADMIN));
    expect(report.written).toBe(false);
    expect(report.rejected.map((r) => r.line)).toEqual([planLineNo(1), planLineNo(5), planLineNo(7)]);
    expect(report.rejected[0].messages.join()).toContain(`已在第 ${planLineNo(0)} 行`);
    expect(report.rejected[1].messages.join()).toContain('110102001999 不是西城区已知的社区');
    expect(report.rejected[2].messages.join()).toContain(`属于${other.streetName}`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad minutes, year or status with the line, writing nothing', async () => {
    const lines = testPlan(await communities(), 50, 10);
    const before = await snapshot();
    const csv = planCsv(lines)
      .replace(
        `${lines[2].circleId},${lines[2].name},${lines[2].streetCode},10,`,
        `${lines[2].circleId},${lines[2].name},${lines[2].streetCode},12,`,
      )
      .replace(/,,\n/, ',2030,\n');
    const report = ok(await call(deps, 'circles.importPlan', { csv }, ADMIN));
    expect(report.rejected.map((r) => r.line)).toEqual([planLineNo(0), planLineNo(2)]);
    expect(report.rejected[0].messages.join()).toContain('year');
    expect(report.rejected[1].messages.join()).toContain('minutes 应为 8、10 或 15');
    expect(await snapshot()).toEqual(before);
  });

  it('gives the same circles when the same plan is imported twice', async () => {
    const csv = planCsv(testPlan(await communities(), 50, 10));
    ok(await call(deps, 'circles.importPlan', { csv }, ADMIN));
    const first = await snapshot();
    const again = ok(await call(deps, 'circles.importPlan', { csv }, ADMIN));
    expect(again).toMatchObject({ replaced: 50, written: true });
    expect(await snapshot()).toEqual(first);
  });

  it('keeps 15-minute circles as their own level: each community has a 10-minute and a 15-minute circle', async () => {
    const all = await communities();
    const proposed = await store.count('circles');
    const fifteen = ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 38, 15)) }, ADMIN));
    expect(fifteen).toMatchObject({ replaced: 0, outside: { ten: null, fifteen: 0 } });
    expect(await store.count('circles')).toBe(proposed + 38);
    const report = ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 50, 10)) }, ADMIN));
    expect(report.replaced).toBe(proposed);
    const circles = await readAll(store, 'circles');
    expect(circles.filter((c) => c.minutes === 15)).toHaveLength(38);
    expect(circles.filter((c) => c.minutes === 10)).toHaveLength(50);
    for (const c of await communities()) {
      expect(c.circleId).toMatch(/^official-T10-/);
      expect(c.fifteenCircleId).toMatch(/^official-T15-/);
    }
    const progress = ok(await call(deps, 'circles.progress', {}));
    expect(progress.total).toBe(50);
    expect(progress.fifteen).toBe(38);
  });

  it('splits each 15-minute circle into 10-minute circles inside it, every located member within reach of its centre', async () => {
    let all = await communities();
    ok(await call(deps, 'geo.importLocations', { csv: locationsCsv(testPointsForUnlocated(all)) }, ADMIN));
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 38, 15)) }, ADMIN));
    all = await communities();
    const located = new Map(all.map((c) => [c.code, c.location!.coordinates]));
    const fifteens = new Map((await readAll(store, 'circles', { minutes: 15 })).map((c) => [c.id, c]));
    const split = ok(await call(deps, 'circles.propose', { from: 'fifteen' }, ADMIN));
    expect(split.minutes).toBe(10);
    expect(split.counts).toEqual({ before: 38, after: split.circles.length });
    expect(split.circles.length).toBeGreaterThan(38);
    for (const c of split.circles) {
      const parent = fifteens.get(c.parentId!);
      expect(parent).toBeDefined();
      expect(parent!.members).toEqual(expect.arrayContaining(c.members));
      for (const m of c.members) expect(geodesic(c.centre.coordinates, located.get(m)!)).toBeLessThanOrEqual(667 + 3);
    }
    expect(split.circles.flatMap((c) => c.members).sort()).toEqual(all.map((c) => c.code).sort());
    expect(split.unassigned).toEqual([]);
  });

  it('lists unlocated members of 15-minute circles as unassigned when splitting, and accepts the split keeping the 15-minute circles', async () => {
    const all = await communities();
    ok(await call(deps, 'circles.importPlan', { csv: planCsv(testPlan(all, 38, 15)) }, ADMIN));
    const split = ok(await call(deps, 'circles.propose', { from: 'fifteen', minutes: 10 }, ADMIN));
    expect(split.unassigned.sort()).toEqual(
      all
        .filter((c) => !c.location)
        .map((c) => c.code)
        .sort(),
    );
    expect(split.circles.flatMap((c) => c.members)).toHaveLength(148);
    const saved = ok(
      await call(deps, 'circles.save', { op: 'accept', minutes: 10, replace: true, from: 'fifteen' }, ADMIN),
    ).circles;
    expect(saved).toHaveLength(split.circles.length);
    expect(saved.every((c) => c.parentId?.startsWith('official-T15-'))).toBe(true);
    expect(await store.count('circles', { minutes: 15 })).toBe(38);
    const one = (await store.get('communities', saved[0].members[0]))!;
    expect(one.circleId).toBe(saved[0].id);
    expect(one.fifteenCircleId).toBe(saved[0].parentId);
  });

  it('says so when there is no 15-minute plan to split', async () => {
    expect(errorOf(await call(deps, 'circles.propose', { from: 'fifteen' }, ADMIN))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'from',
    });
  });

  it('lets only an admin import a plan; a dry run reports what it would replace and writes nothing; sample rows are refused', async () => {
    const csv = planCsv(testPlan(await communities(), 50, 10));
    expect(errorOf(await call(deps, 'circles.importPlan', { csv }, { account: 'worker-110102001' })).code).toBe(
      'FORBIDDEN',
    );
    const before = await snapshot();
    const dry = ok(await call(deps, 'circles.importPlan', { csv, dryRun: true }, ADMIN));
    expect(dry).toMatchObject({ written: false, replaced: before.circles.length, rejected: [] });
    expect(await snapshot()).toEqual(before);
    const sample = fs.readFileSync(path.join(__dirname, '../../data/samples/circle-plan-sample.csv'), 'utf8');
    const refused = ok(await call(deps, 'circles.importPlan', { csv: sample }, ADMIN));
    expect(refused.rejected).toHaveLength(3);
    expect(refused.rejected.every((r) => r.messages.some((m) => m.includes('示例行')))).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
