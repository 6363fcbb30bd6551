import fs from 'node:fs';
import path from 'node:path';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { TEST_MARK } from './import-fixtures';

const ADMIN = { account: 'admin' };

describe('population per community (geo.importPopulation) and the population-weighted index', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 1200, FIXED_NOW);
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  it('shows no population figure at all without population data', async () => {
    const report = ok(await call(deps, 'coverage.report', {}));
    expect(report.population).toBeUndefined();
    expect('population' in report).toBe(false);
  });

  it('with figures for some communities, shows both indices and how many communities lack a figure', async () => {
    const gaps = ok(await call(deps, 'coverage.gaps', {}));
    const served = gaps.filter((g) => g.missing.length === 0).slice(0, 3);
    const unserved = gaps.filter((g) => g.missing.length > 0).slice(0, 5);
    expect(served).toHaveLength(3);
    const unlocated = (await readAll(store, 'communities')).find((c) => !c.location)!;
    // Served communities of 1,000 residents, unserved of 3,000: the weighted index is 3,000 / 18,000.
    const rows = [
      ...served.map((g) => `${g.communityCode},400,1000,测试数据`),
      ...unserved.map((g) => `${g.communityCode},,3000,测试数据`),
      `${unlocated.code},900,2000,测试数据`,
    ];
    const imported = ok(
      await call(
        deps,
        'geo.importPopulation',
        { csv: [TEST_MARK, 'community_code,households,population,source', ...rows].join('\n') },
        ADMIN,
      ),
    );
    expect(imported).toMatchObject({ read: 9, updated: 9, rejected: [], written: true, withFigure: 9, total: 263 });

    const report = ok(await call(deps, 'coverage.report', {}));
    expect(report.district.index).toBe(report.district.served / 148);
    expect(report.population?.district).toEqual({
      residents: 18000,
      served: 3000,
      index: 3000 / 18000,
      withFigure: 9,
      withoutFigure: 254,
      unlocatedResidents: 2000,
      households: 1200,
    });
    const streets = new Set([...served, ...unserved].map((g) => g.streetCode).concat(unlocated.streetCode));
    expect(report.population?.streets.map((s) => s.code).sort()).toEqual([...streets].sort());

    const one = served[0].streetCode;
    const ofStreet = ok(await call(deps, 'coverage.report', { streetCode: one }));
    const here = [...served, ...unserved].filter((g) => g.streetCode === one);
    expect(ofStreet.population?.district.withFigure).toBe(here.length + (unlocated.streetCode === one ? 1 : 0));
    expect(ofStreet.population?.district.withoutFigure).toBe(
      ofStreet.district.total - ofStreet.population!.district.withFigure,
    );
  });

  it('refuses bad rows by line, records who and when, and changes nothing on a second import', async () => {
    const [a, b, c] = await readAll(store, 'communities');
    const csv = [
      'community_code,households,population',
      `${a.code},500,1200`,
      `110102999999,1,2`,
      `${b.code},abc,100`,
      `${c.code},10,0`,
      `${b.code},1000,1200`,
    ].join('\n');
    const report = ok(await call(deps, 'geo.importPopulation', { csv }, ADMIN));
    // A code is read once per file: line 6 repeats line 4's community, refused or not.
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(report.rejected[3].messages.join()).toContain('与第 4 行重复');
    expect(report.rejected[1].messages.join()).toContain('households');
    expect(report.rejected[2].messages.join()).toContain('population');
    expect(report.updated).toBe(1);
    expect(report.warnings).toEqual([]);
    expect(await store.get('communities', a.code)).toMatchObject({
      households: 500,
      population: 1200,
      populationSetBy: 'demo:admin',
      populationSetAt: FIXED_NOW.toISOString(),
    });
    const again = ok(await call(deps, 'geo.importPopulation', { csv }, ADMIN));
    expect(again).toMatchObject({ updated: 0, unchanged: 1, written: false });
    const swapped = ok(
      await call(
        deps,
        'geo.importPopulation',
        { csv: `community_code,households,population\n${a.code},1200,500` },
        ADMIN,
      ),
    );
    expect(swapped.warnings.map((w) => w.line)).toEqual([2]);
  });

  it('lets only an admin import, and refuses the sample file’s rows', async () => {
    const csv = 'community_code,households,population\n110102001004,100,250';
    expect(errorOf(await call(deps, 'geo.importPopulation', { csv }, { account: 'worker-110102001' })).code).toBe(
      'FORBIDDEN',
    );
    const sample = fs.readFileSync(path.join(__dirname, '../../data/samples/community-population-sample.csv'), 'utf8');
    const report = ok(await call(deps, 'geo.importPopulation', { csv: sample }, ADMIN));
    expect(report.rejected).toHaveLength(3);
    expect(report.written).toBe(false);
    expect(ok(await call(deps, 'coverage.report', {})).population).toBeUndefined();
  });
});
