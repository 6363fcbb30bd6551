import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { coverageIsCurrent } from '../../cloudfunctions/areas/coverage';
import { censusCsv } from '../../cloudfunctions/areas/outlets';
import { ensureSeeded, startLocal } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { sampleOutlets } from '../../scripts/census-sample';

const ROOT = path.resolve(__dirname, '../..');
const ROWS = 30_000;
/** Rows the import writes in one transaction. */
const BATCH = 50;

const censusCount = (db: Database.Database) =>
  (db.prepare(`SELECT count(*) AS n FROM outlets WHERE id LIKE 'census-%'`).get() as { n: number }).n;

describe('a census import killed half way', () => {
  let dataDir: string;
  let file: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
    const store = SqliteStore.open(dataDir);
    await ensureSeeded(store, 0);
    await store.close();
    file = path.join(dataDir, 'census.csv');
    fs.writeFileSync(file, censusCsv(sampleOutlets(ROWS, 11)));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('leaves a sound database with whole batches only, and coverage recomputed on the next start', async () => {
    // One process (node with the TypeScript loader), so SIGKILL stops the importer itself, with no child left running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-outlets.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Watch through a read-only connection of our own, and kill the importer with SIGKILL once it is under way.
    const watcher = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 60_000) {
      seen = censusCount(watcher);
      if (seen >= 2_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    watcher.close();
    expect(seen).toBeGreaterThanOrEqual(2_000);

    const db = new Database(path.join(dataDir, 'store.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const written = censusCount(db);
    expect(written).toBeLessThan(ROWS);
    expect(written % BATCH).toBe(0); // no half batch: a batch is one transaction
    db.close();

    const before = SqliteStore.open(dataDir);
    expect(await coverageIsCurrent(before)).toBe(false);
    await before.close();

    const running = await startLocal({ dataDir, port: 0, devLogin: false, demoOutlets: 0 });
    try {
      // The recompute runs in a worker thread while the server already answers.
      await running.coverageIdle();
      expect(await coverageIsCurrent(running.store)).toBe(true);
      const approved = (await readAll(running.store, 'outlets', { status: 'approved' })).filter(
        (o) => !o.temporarilyClosed,
      );
      expect(approved.length).toBe(written);
      expect((await running.store.get('meta', 'coverage'))?.value).toBe(String(written));
      // Every imported outlet within reach of a community is counted by that community's coverage.
      const coverage = await readAll(running.store, 'coverage');
      const counted = new Set(
        coverage.flatMap((c) => Object.values(c.categories).flatMap((list) => list.map((r) => r.id))),
      );
      expect([...counted].every((id) => id.startsWith('census-'))).toBe(true);
      expect(counted.size).toBeGreaterThan(0);
    } finally {
      await running.close();
    }
  }, 120_000);
});
