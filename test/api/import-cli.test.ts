import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readReference } from '../../cloudfunctions/local/reference-files';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { locationsCsv, planCsv, testPlan, testPointsForUnlocated } from './import-fixtures';

const ROOT = path.resolve(__dirname, '../..');

describe('the import commands (npm run import:communities / import:circles / import:population)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xicheng-imports-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs a script on a file of test data written to the temporary folder (never to data/). */
  function run(script: string, name: string, text: string, ...args: string[]) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const out = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'scripts', script), file, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data') },
        encoding: 'utf8',
      },
    );
    return { code: out.status, text: out.stdout + out.stderr };
  }
  async function inStore<T>(read: (s: SqliteStore) => Promise<T>): Promise<T> {
    const store = SqliteStore.open(path.join(dir, 'data'));
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  it('locates the 115 communities from a file, reports it, and checks only with --dry-run', async () => {
    const csv = locationsCsv(testPointsForUnlocated(readReference().communities));
    const dry = run('import-communities.ts', 'locations.csv', csv, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.text).toContain('新定位 115');
    expect(dry.text).toContain('仅检查，未写入');
    expect(await inStore((s) => s.count('communities', { locationSource: 'import' }))).toBe(0);

    const real = run('import-communities.ts', 'locations.csv', csv);
    expect(real.code).toBe(0);
    expect(real.text).toContain('全部 263 个社区均已有位置');
    expect(real.text).toContain('覆盖情况已重新计算');
    const imported = await inStore((s) => readAll(s, 'communities', { locationSource: 'import' }));
    expect(imported).toHaveLength(115);
    expect(imported.every((c) => c.locationSetBy === `cli:${os.userInfo().username}`)).toBe(true);
  });

  it('imports a plan of 50 circles, and refuses a bad one with its line and exit code 1, writing nothing', async () => {
    const lines = testPlan(readReference().communities, 50, 10);
    const good = run('import-circles.ts', 'plan.csv', planCsv(lines));
    expect(good.code).toBe(0);
    expect(good.text).toContain('10 分钟 50');
    expect(good.text).toContain('已写入');
    lines[3].members.push('110102001999');
    const bad = run('import-circles.ts', 'bad-plan.csv', planCsv(lines));
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('第 6 行');
    expect(bad.text).toContain('未写入任何内容');
    expect(await inStore((s) => s.count('circles', { source: 'official' }))).toBe(50);
  });

  it('imports population figures and says how many communities have one', () => {
    const [a, b] = readReference().communities;
    const out = run(
      'import-population.ts',
      'population.csv',
      `community_code,households,population\n${a.code},10,25\n${b.code},,40\n`,
    );
    expect(out.code).toBe(0);
    expect(out.text).toContain('更新 2');
    expect(out.text).toContain('有人口数据的社区：2 / 263');
  });

  it('prints how to call it without a file', () => {
    const out = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'scripts/import-communities.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data') },
        encoding: 'utf8',
      },
    );
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('用法：npm run import:communities -- 文件.csv');
  });
});
