import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { censusCsv, importCensus } from '../../cloudfunctions/areas/outlets';
import { hoursToText, parseHours } from '../../cloudfunctions/core/hours';
import { readCensusFile } from '../../cloudfunctions/local/census-file';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { sampleOutlets } from '../../scripts/census-sample';
import { FIXED_NOW, seededStore } from '../support/harness';

const ROOT = path.resolve(__dirname, '../..');

/** A 100-row census file whose rows 10, 50 and 90 are bad in three different ways. */
function fileWithThreeBadRows(): string {
  const lines = censusCsv(sampleOutlets(100, 3)).trimEnd().split('\n');
  const corrupt = (row: number, column: number, value: string) => {
    const cells = lines[row].split(',');
    cells[column] = value;
    lines[row] = cells.join(',');
  };
  // Line numbers count the header as line 1, so data row k is on line k + 1.
  lines[10] = lines[10].replace(/,116\.\d+,39\.\d+,/, ',116.4074,39.9042,'); // 东城区
  corrupt(50, 2, 'spaceships');
  lines[90] = lines[90].replace(/"[^"]*\d\d:\d\d[^"]*"|daily \S+|24h/, 'sometimes');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'census-')), 'census.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('census import', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await seededStore();
  });
  afterEach(() => store.close());

  it('writes the 97 good rows of 100, reports the 3 bad ones with line numbers and reasons, and adds nothing on a second import', async () => {
    const file = fileWithThreeBadRows();
    const first = await importCensus(store, readCensusFile(file).rows, FIXED_NOW);
    expect(first).toMatchObject({ read: 100, created: 97, updated: 0 });
    expect(first.rejected.map((r) => r.line)).toEqual([11, 51, 91]);
    expect(first.rejected[0].reasons.join()).toContain('不在西城区范围内');
    expect(first.rejected[1].reasons.join()).toContain('spaceships');
    expect(first.rejected[2].reasons.join()).toContain('hours');
    expect(await store.count('outlets')).toBe(97);

    const second = await importCensus(store, readCensusFile(file).rows, new Date(FIXED_NOW.getTime() + 60_000));
    expect(second).toMatchObject({ read: 100, created: 0, updated: 97 });
    expect(await store.count('outlets')).toBe(97);
    const one = await store.get('outlets', 'census-SAMPLE-0001');
    expect(one).toMatchObject({ source: 'census', status: 'approved', demo: true, createdAt: FIXED_NOW.toISOString() });
  });

  it('refuses a census id repeated in one file, and a community of another street', async () => {
    const [a, b] = sampleOutlets(2, 5);
    const other = { ...b, censusId: a.censusId };
    const wrongStreet = { ...b, censusId: 'X-1', communityCode: '110102003001' };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'census-')), 'c.csv');
    fs.writeFileSync(file, censusCsv([a, other, wrongStreet]));
    const report = await importCensus(store, readCensusFile(file).rows, FIXED_NOW);
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(report.rejected[0].reasons[0]).toContain('重复');
    expect(report.rejected[1].reasons.join()).toContain('community_code');
  });

  it('fails at once on a file without the required columns', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'census-')), 'bad.csv');
    fs.writeFileSync(file, 'name,lng\nA,116.37\n');
    await expect(importCensus(store, readCensusFile(file).rows, FIXED_NOW)).rejects.toThrow('census_id');
  });

  it('writes hours back in the syntax it reads', () => {
    for (const text of [
      '24h',
      'daily 07:00-20:00',
      'mon-fri 06:00-10:30; sat 22:00-02:00',
      'tue,thu 08:00-12:00,14:00-18:00',
    ]) {
      const h = parseHours(text);
      if ('error' in h) throw new Error(h.error);
      expect(parseHours(hoursToText(h))).toEqual(h);
    }
  });

  it('imports the shipped sample file from the command line, with a summary', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'census-cli-'));
    const r = spawnSync('npx', ['tsx', 'scripts/import-outlets.ts', 'data/samples/outlet-census-sample.csv'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('读取 20 行：新增 20，更新 0，拒绝 0');
  }, 60000);
});
