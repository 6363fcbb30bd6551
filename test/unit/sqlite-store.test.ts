import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Community, Page } from '../../types';
import { MIGRATIONS } from '../../cloudfunctions/store/sqlite/migrations';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';

function community(i: number, streetCode = '110102001', located = i % 2 === 0): Community {
  const code = `${streetCode}${String(i).padStart(3, '0')}`;
  return {
    code,
    name: `测试社区${i}`,
    streetCode,
    streetName: '测试街道',
    location: located ? { type: 'Point', coordinates: [116.36, 39.9] } : null,
    locationSource: located ? 'reference' : null,
    locationSetBy: null,
    locationSetAt: null,
  };
}

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
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('pages through 250 documents with a cursor, in order, each exactly once', async () => {
    for (let i = 0; i < 250; i++) await store.set('communities', community(i).code, community(i));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Community> = await store.query('communities', {
        orderBy: { field: 'code' },
        cursor,
        limit: 100,
      });
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.items.map((c) => c.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(250);
  });

  it('breaks ties on the order field by id, also in descending order', async () => {
    for (let i = 0; i < 30; i++) await store.set('communities', community(i).code, community(i));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Community> = await store.query('communities', {
        orderBy: { field: 'streetCode', direction: 'desc' },
        limit: 7,
        cursor,
      });
      all.push(...page.items.map((c) => c.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toEqual([...all].sort().reverse());
    expect(all).toHaveLength(30);
  });

  it('never returns more than 100 in a page, whatever is asked', async () => {
    for (let i = 0; i < 120; i++) await store.set('communities', community(i).code, community(i));
    const page = await store.query('communities', { limit: 1000 });
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
  });

  it('filters by equality, in, ranges, null and existence', async () => {
    for (let i = 0; i < 10; i++)
      await store.set('communities', community(i).code, community(i, i < 5 ? '110102001' : '110102003'));
    const q = async (where: Parameters<SqliteStore['query']>[1]) =>
      (await store.query('communities', where)).items.length;
    expect(await q({ where: { streetCode: '110102003' } })).toBe(5);
    expect(await q({ where: { streetCode: { in: ['110102001', '110102003'] } } })).toBe(10);
    expect(await q({ where: { streetCode: { in: [] } } })).toBe(0);
    expect(await q({ where: { code: { gte: '110102001002', lt: '110102001004' } } })).toBe(2);
    expect(await q({ where: { location: null } })).toBe(5);
    expect(await q({ where: { 'location.type': 'Point' } })).toBe(5);
    expect(await q({ where: { locationSetBy: { exists: true } } })).toBe(10);
    expect(await q({ where: { nothing: { exists: true } } })).toBe(0);
    expect(await store.count('communities', { streetCode: '110102001' })).toBe(5);
  });

  it('refuses a field path that is not a plain identifier', async () => {
    await expect(store.query('communities', { where: { "code') OR 1=1 --": 'x' } })).rejects.toThrow('bad field path');
  });

  it('answers INVALID_INPUT for a cursor it did not make', async () => {
    await expect(store.query('communities', { cursor: '!!!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('updates fields of an existing document and refuses a missing one', async () => {
    await store.set('communities', '110102001001', community(1));
    await store.update('communities', '110102001001', { name: '改名' });
    expect(await store.get('communities', '110102001001')).toMatchObject({ name: '改名', streetCode: '110102001' });
    await expect(store.update('communities', 'missing', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.remove('communities', '110102001001');
    expect(await store.get('communities', '110102001001')).toBeNull();
  });

  it('rolls a failed transaction back completely', async () => {
    await store.set('meta', 'n', { key: 'n', value: '0', updatedAt: '' });
    await expect(
      store.transaction(async (tx) => {
        await tx.set('meta', 'n', { key: 'n', value: '1', updatedAt: '' });
        await tx.set('meta', 'm', { key: 'm', value: '1', updatedAt: '' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.get('meta', 'n')).toMatchObject({ value: '0' });
    expect(await store.get('meta', 'm')).toBeNull();
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
