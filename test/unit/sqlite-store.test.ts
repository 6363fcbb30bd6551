import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../cloudfunctions/store/sqlite/migrations';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { community } from '../contract/store-contract';

/** What only the SQLite adapter has to show; the store contract suite (test/contract) covers the port on it. */
describe('SqliteStore', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = SqliteStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('opens a data folder in WAL mode at the newest schema version, and reopens it without migrating twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const a = SqliteStore.open(dir);
    expect(a.journalMode).toBe('wal');
    expect(a.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    await a.set('meta', 'x', { key: 'x', value: '1', updatedAt: 'now' });
    await a.close();
    const b = SqliteStore.open(dir);
    expect(await b.get('meta', 'x')).toMatchObject({ value: '1' });
    await b.close();
    const raw = new Database(path.join(dir, 'store.sqlite'));
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    raw.close();
  });

  it('never returns more than 100 in a page, whatever is asked', async () => {
    for (let i = 0; i < 120; i++) await store.set('communities', community(i).code, community(i));
    const page = await store.query('communities', { limit: 1000 });
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
  });

  it('refuses a field path that is not a plain identifier', async () => {
    await expect(store.query('communities', { where: { "code') OR 1=1 --": 'x' } })).rejects.toThrow('bad field path');
  });

  it('loses no increment when 200 transactions run at once', async () => {
    await store.set('meta', 'n', { key: 'n', value: '0', updatedAt: '' });
    await Promise.all(
      Array.from({ length: 200 }, () =>
        store.transaction(async (tx) => {
          const cur = await tx.get('meta', 'n');
          await new Promise((r) => setImmediate(r));
          await tx.update('meta', 'n', { value: String(Number(cur?.value) + 1) });
        }),
      ),
    );
    expect(await store.get('meta', 'n')).toMatchObject({ value: '200' });
  });
});
