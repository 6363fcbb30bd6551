import fs from 'node:fs';
import path from 'node:path';
import { Geodesic } from 'geographiclib-geodesic';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, callRaw, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { locationsCsv, testPointsForUnlocated, TEST_MARK } from './import-fixtures';

/** The WGS-84 ellipsoid distance (Karney), independent of the product's haversine. */
const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
const LATER = new Date('2026-11-28T05:00:00Z');
const ADMIN = { account: 'admin' };

describe('community locations in bulk (geo.importLocations)', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 300, FIXED_NOW);
    deps = depsFor(store, { now: () => LATER });
  });
  afterEach(() => store.close());

  const fixture = async () => testPointsForUnlocated(await readAll(store, 'communities'));

  it('locates all 115 unlocated communities from a generated file: 263 located, exact street counts, coverage recomputed, and the planner places all 263', async () => {
    const points = await fixture();
    expect(points.size).toBe(115);
    const report = ok(await call(deps, 'geo.importLocations', { csv: locationsCsv(points) }, ADMIN));
    expect(report).toMatchObject({ read: 115, located: 115, moved: 0, unchanged: 0, rejected: [], written: true });
    expect(report.coverageRefreshed).toBe(true);
    expect(report.streets.every((s) => s.remaining === 0)).toBe(true);

    const streets = ok(await call(deps, 'geo.streets', {}));
    expect(streets.reduce((n, s) => n + s.locatedCount, 0)).toBe(263);
    for (const s of streets) expect(s.locatedCount).toBe(s.communityCount);

    const coverage = ok(await call(deps, 'coverage.report', {}));
    expect(coverage.district).toMatchObject({ total: 263, located: 263, unlocated: 0 });
    expect(coverage.computedAt).toBe(LATER.toISOString());
    expect(await store.count('coverage')).toBe(263);

    const proposal = ok(await call(deps, 'circles.propose', { minutes: 10 }, ADMIN));
    const placed = proposal.circles.flatMap((c) => c.members);
    expect(new Set(placed).size).toBe(263);
    expect(placed).toHaveLength(263);
    expect(proposal.unassigned).toEqual([]);
    const byCode = new Map((await readAll(store, 'communities')).map((c) => [c.code, c]));
    for (const c of proposal.circles)
      for (const m of c.members)
        expect(geodesic(c.centre.coordinates, byCode.get(m)!.location!.coordinates)).toBeLessThanOrEqual(667 + 3);
  });

  it('records who set each location and when, with the file’s source and note', async () => {
    const points = await fixture();
    const [code, [lng, lat]] = [...points][0];
    ok(await call(deps, 'geo.importLocations', { csv: locationsCsv(points) }, ADMIN));
    const c = ok(await call(deps, 'geo.community', { code }, ADMIN)).community;
    expect(c.location?.coordinates).toEqual([lng, lat]);
    expect(c).toMatchObject({
      locationSource: 'import',
      locationSetBy: 'demo:admin',
      locationSetAt: LATER.toISOString(),
      locationOrigin: '测试数据',
      locationNote: '测试生成的虚构位置',
    });
    // Who set it is an openid: not in public reads.
    const seen = ok(await call(deps, 'geo.community', { code })).community;
    expect(seen).toMatchObject({ locationSource: 'import', locationSetBy: null, locationSetAt: LATER.toISOString() });
    const listed = ok(await call(deps, 'geo.communities', { streetCode: seen.streetCode })).items;
    expect(listed.find((x) => x.code === code)?.locationSetBy).toBeNull();
  });

  it('changes nothing when the same file is imported again', async () => {
    const csv = locationsCsv(await fixture());
    ok(await call(deps, 'geo.importLocations', { csv }, ADMIN));
    const before = await readAll(store, 'communities');
    const again = ok(
      await call(
        depsFor(store, { now: () => new Date('2026-11-29T00:00:00Z') }),
        'geo.importLocations',
        { csv },
        ADMIN,
      ),
    );
    expect(again).toMatchObject({ located: 0, moved: 0, unchanged: 115, written: false, coverageRefreshed: false });
    expect(await readAll(store, 'communities')).toEqual(before);
    expect(ok(await call(deps, 'geo.streets', {})).reduce((n, s) => n + s.locatedCount, 0)).toBe(263);
  });

  it('refuses an unknown code, a point outside the district, a repeated code and non-numbers by line, and writes the valid rows', async () => {
    const [[a, pa], [b, pb]] = [...(await fixture())];
    const csv = [
      TEST_MARK,
      'community_code,lng,lat',
      `${a},${pa[0]},${pa[1]}`,
      `110102999999,${pb[0]},${pb[1]}`,
      `${b},116.2000,39.9000`,
      `${a},${pa[0]},${pa[1]}`,
      `${b},东经,${pb[1]}`,
    ].join('\n');
    const report = ok(await call(deps, 'geo.importLocations', { csv }, ADMIN));
    expect(report.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(report.rejected[0].messages.join()).toContain('110102999999');
    expect(report.rejected[1].messages.join()).toContain('不在西城区范围内');
    expect(report.rejected[2].messages.join()).toContain('与第 3 行重复');
    expect(report.rejected[3].messages.join()).toContain('应为数字');
    expect(report.located).toBe(1);
    expect((await store.get('communities', a))?.location?.coordinates).toEqual(pa);
    expect((await store.get('communities', b))?.location).toBeNull();
    const street = (await store.get('streets', (await store.get('communities', a))!.streetCode))!;
    const located = (await readAll(store, 'communities', { streetCode: street.code })).filter((c) => c.location);
    expect(street.locatedCount).toBe(located.length);
  });

  it('warns, without refusing, about a point over 1.5 km from every other located community of its street', async () => {
    const all = await readAll(store, 'communities');
    // An unlocated community of 西长安街街道 placed at a located community of 德胜街道, far north inside the district.
    const lonely = all.find((c) => c.streetCode === '110102001' && !c.location)!;
    const far = all.find((c) => c.streetCode === '110102020' && c.location)!.location!.coordinates;
    const near = all.find((c) => c.streetCode === '110102001' && !c.location && c.code !== lonely.code)!;
    const nearPoint = testPointsForUnlocated(all).get(near.code)!;
    const csv = [
      'community_code,lng,lat',
      `${lonely.code},${far[0]},${far[1]}`,
      `${near.code},${nearPoint[0]},${nearPoint[1]}`,
    ].join('\n');
    const report = ok(await call(deps, 'geo.importLocations', { csv }, ADMIN));
    expect(report.rejected).toEqual([]);
    expect(report.located).toBe(2);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([[2, lonely.code]]);
    expect(report.warnings[0].messages.join()).toContain('1.5 公里');
  });

  it('warns when a row moves a location that was already set, and records the move', async () => {
    const c = (await readAll(store, 'communities')).find((x) => x.location)!;
    const [lng, lat] = c.location!.coordinates;
    const csv = ['community_code,lng,lat', `${c.code},${(lng + 0.001).toFixed(6)},${lat}`].join('\n');
    const report = ok(await call(deps, 'geo.importLocations', { csv }, ADMIN));
    expect(report).toMatchObject({ located: 0, moved: 1 });
    expect(report.warnings[0].messages.join()).toContain('覆盖原有位置（来源：reference）');
    expect((await store.get('communities', c.code))?.locationSource).toBe('import');
  });

  it('lets only an admin import, and a dry run reports without writing', async () => {
    const csv = locationsCsv(await fixture());
    expect(errorOf(await call(deps, 'geo.importLocations', { csv }, { account: 'worker-110102001' })).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await call(deps, 'geo.importLocations', { csv }, { account: 'resident' })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(deps, 'geo.importLocations', { csv })).code).toBe('UNAUTHENTICATED');
    const dry = ok(await call(deps, 'geo.importLocations', { csv, dryRun: true }, ADMIN));
    expect(dry).toMatchObject({ located: 115, written: false, coverageRefreshed: false });
    expect(dry.streets.every((s) => s.remaining === 0)).toBe(true);
    expect(ok(await call(deps, 'geo.streets', {})).reduce((n, s) => n + s.locatedCount, 0)).toBe(148);
  });

  it('refuses a file without a required column as a whole, and every row of the sample file', async () => {
    const err = errorOf(
      await call(deps, 'geo.importLocations', { csv: 'community_code,lng\n110102001004,116.37' }, ADMIN),
    );
    expect(err).toMatchObject({ code: 'INVALID_INPUT', field: 'csv' });
    expect(err.message).toContain('lat');
    expect(errorOf(await callRaw(deps, 'geo.importLocations', { csv: '' }, ADMIN)).code).toBe('INVALID_INPUT');
    const sample = fs.readFileSync(path.join(__dirname, '../../data/samples/community-locations-sample.csv'), 'utf8');
    const report = ok(await call(deps, 'geo.importLocations', { csv: sample }, ADMIN));
    expect(report.read).toBe(3);
    expect(report.rejected).toHaveLength(3);
    expect(report.rejected.every((r) => r.messages.some((m) => m.includes('示例行')))).toBe(true);
    expect(report.written).toBe(false);
  });
});
