import type { Community, Page, User } from '../../types';
import { metersBetween } from '../../cloudfunctions/core/reach';
import type { Store } from '../../cloudfunctions/store/port';
import { offset, outlet } from '../support/outlets';

const CENTER: [number, number] = [116.3745, 39.9075];

/** A community document, the "mother" of these tests. */
export function community(i: number, streetCode = '110102001', located = i % 2 === 0): Community {
  const code = `${streetCode}${String(i).padStart(3, '0')}`;
  return {
    code,
    name: `测试社区${i}`,
    streetCode,
    streetName: '测试街道',
    location: located ? { type: 'Point', coordinates: [116.36 + i / 1000, 39.9] } : null,
    locationSource: located ? 'reference' : null,
    locationSetBy: null,
    locationSetAt: null,
  };
}

function worker(openid: string, streetCode: string): User {
  return {
    openid,
    role: 'worker',
    scope: { kind: 'street', streetCode },
    nickname: openid,
    demoAccount: null,
    createdAt: '2026-11-28T00:00:00.000Z',
  };
}

async function fill(store: Store, n: number, streetOf: (i: number) => string = () => '110102001') {
  for (let i = 0; i < n; i++) await store.set('communities', community(i, streetOf(i)).code, community(i, streetOf(i)));
}

async function all(store: Store, options: Parameters<Store['query']>[1] = {}): Promise<Community[]> {
  const out: Community[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Community> = await store.query('communities', { ...options, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * The store port's contract. Every method of `Store` must have its cases here (the mapped type makes a missing
 * one a compile error), and the same suite runs on every adapter under the same test names.
 */
export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  const cases: { [M in keyof Store]: () => void } = {
    get() {
      it('returns a stored document as it was written, and null for a missing id', async () => {
        const c = community(1);
        await store.set('communities', c.code, c);
        expect(await store.get('communities', c.code)).toEqual(c);
        expect(await store.get('communities', 'missing')).toBeNull();
      });
    },

    getMany() {
      it('reads many documents by id in one call, in the order asked, null where none exists', async () => {
        for (let i = 1; i <= 3; i++) await store.set('communities', community(i).code, community(i));
        const ids = [community(3).code, 'missing', community(1).code, community(3).code];
        expect(await store.getMany('communities', ids)).toEqual([community(3), null, community(1), community(3)]);
        expect(await store.getMany('communities', [])).toEqual([]);
      });
      it('reads more ids than one page holds', async () => {
        for (let i = 1; i <= 130; i++) await store.set('communities', community(i).code, community(i));
        const docs = await store.getMany(
          'communities',
          Array.from({ length: 130 }, (_, i) => community(i + 1).code),
        );
        expect(docs.every((d, i) => d?.code === community(i + 1).code)).toBe(true);
      });
    },

    set() {
      it('creates, then replaces the whole document', async () => {
        await store.set('users', 'w1', worker('w1', '110102001'));
        const replaced: User = {
          ...worker('w1', '110102003'),
          scope: { kind: 'community', communityCode: '110102003001', streetCode: '110102003' },
        };
        await store.set('users', 'w1', replaced);
        expect(await store.get('users', 'w1')).toEqual(replaced);
        expect(await store.count('users')).toBe(1);
      });
    },

    update() {
      it('replaces the named top-level fields, nested objects whole, and keeps the rest', async () => {
        await store.set('users', 'w1', worker('w1', '110102001'));
        await store.update('users', 'w1', {
          scope: { kind: 'community', communityCode: '110102001004', streetCode: '110102001' },
        });
        const after = await store.get('users', 'w1');
        expect(after?.scope).toEqual({ kind: 'community', communityCode: '110102001004', streetCode: '110102001' });
        expect(after?.nickname).toBe('w1');
      });
      it('sets a geo point and a null field', async () => {
        const c = community(2);
        await store.set('communities', c.code, c);
        await store.update('communities', c.code, {
          location: { type: 'Point', coordinates: [116.38, 39.91] },
          locationSource: null,
        });
        expect(await store.get('communities', c.code)).toMatchObject({
          location: { type: 'Point', coordinates: [116.38, 39.91] },
          locationSource: null,
        });
      });
      it('answers NOT_FOUND for a missing document and creates nothing', async () => {
        await expect(store.update('communities', 'missing', { name: 'x' })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect(await store.get('communities', 'missing')).toBeNull();
      });
    },

    remove() {
      it('removes a document, and removing a missing one is harmless', async () => {
        await store.set('communities', community(1).code, community(1));
        await store.remove('communities', community(1).code);
        await store.remove('communities', 'missing');
        expect(await store.get('communities', community(1).code)).toBeNull();
      });
    },

    query() {
      it('pages through 230 documents in order, each exactly once, at most 100 a page', async () => {
        await fill(store, 230);
        const sizes: number[] = [];
        let cursor: string | null = null;
        const codes: string[] = [];
        do {
          const page: Page<Community> = await store.query('communities', { orderBy: { field: 'code' }, cursor });
          sizes.push(page.items.length);
          codes.push(...page.items.map((c) => c.code));
          cursor = page.nextCursor;
        } while (cursor);
        expect(sizes).toEqual([100, 100, 30]);
        expect(codes).toEqual([...codes].sort());
        expect(new Set(codes).size).toBe(230);
      });
      it('orders by a field with the id as tie-breaker, ascending and descending, across pages', async () => {
        await fill(store, 25, (i) => (i % 3 === 0 ? '110102003' : '110102001'));
        const asc = await all(store, { orderBy: { field: 'streetCode' }, limit: 4 });
        const key = (c: Community) => `${c.streetCode}|${c.code}`;
        expect(asc.map(key)).toEqual(asc.map(key).sort());
        const desc = await all(store, { orderBy: { field: 'streetCode', direction: 'desc' }, limit: 4 });
        expect(desc.map(key)).toEqual(desc.map(key).sort().reverse());
        expect(desc).toHaveLength(25);
      });
      it('filters by equality, in, ranges, null, nested fields and existence', async () => {
        await fill(store, 10, (i) => (i < 4 ? '110102001' : '110102003'));
        const n = async (where: NonNullable<Parameters<Store['query']>[1]>['where']) =>
          (await all(store, { where })).length;
        expect(await n({ streetCode: '110102003' })).toBe(6);
        expect(await n({ streetCode: { in: ['110102001', '110102009'] } })).toBe(4);
        expect(await n({ streetCode: { in: [] } })).toBe(0);
        expect(await n({ code: { gte: '110102001001', lt: '110102001003' } })).toBe(2);
        expect(await n({ code: { gt: '110102003005' } })).toBe(4);
        expect(await n({ location: null })).toBe(5);
        expect(await n({ 'location.type': 'Point' })).toBe(5);
        expect(await n({ streetCode: '110102003', location: null })).toBe(3);
        expect(await n({ name: { exists: true } })).toBe(10);
        expect(await n({ nothing: { exists: true } })).toBe(0);
        expect(await n({ name: { contains: '社区3' } })).toBe(1);
        expect(await n({ name: { contains: '社区.' } })).toBe(0); // literal text, not a pattern
      });
      it('pages a filtered query with a cursor', async () => {
        await fill(store, 40, (i) => (i % 2 ? '110102003' : '110102001'));
        const got = await all(store, { where: { streetCode: '110102003' }, orderBy: { field: 'code' }, limit: 6 });
        expect(got).toHaveLength(20);
        expect(got.every((c) => c.streetCode === '110102003')).toBe(true);
      });
      it('answers INVALID_INPUT for a cursor it did not make', async () => {
        await expect(store.query('communities', { cursor: '%%%' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      });
    },

    count() {
      it('counts all documents or those matching a filter', async () => {
        await fill(store, 12, (i) => (i < 5 ? '110102001' : '110102003'));
        expect(await store.count('communities')).toBe(12);
        expect(await store.count('communities', { streetCode: '110102001' })).toBe(5);
        expect(await store.count('streets')).toBe(0);
      });
    },

    nearby() {
      it('answers the documents within the radius, nearest first, with their distances', async () => {
        const spots: [string, number, number][] = [
          ['a', 100, 0],
          ['b', 0, 300],
          ['c', -500, 200],
          ['d', 800, 0],
          ['e', 0, -2000],
        ];
        for (const [id, e, n] of spots) await store.set('outlets', id, outlet(id, ...offset(CENTER, e, n)));
        const page = await store.nearby('outlets', { center: CENTER, maxMeters: 667 });
        const near = page.items;
        expect(page.nextCursor).toBeNull();
        expect(near.map((h) => h.id)).toEqual(['a', 'b', 'c']);
        for (const h of near) expect(h.meters).toBeCloseTo(metersBetween(CENTER, h.doc.location.coordinates), 6);
        expect(near[0].doc).toEqual(outlet('a', ...offset(CENTER, 100, 0)));
      });
      it('applies filters: equality, any of a list field, all of a list field', async () => {
        const p = offset(CENTER, 50, 50);
        await store.set('outlets', 'veg', outlet('veg', ...p, { categories: ['vegetables'], payment: ['cash'] }));
        await store.set(
          'outlets',
          'both',
          outlet('both', ...p, { categories: ['breakfast', 'vegetables'], payment: ['cash', 'elderCard'] }),
        );
        await store.set(
          'outlets',
          'hair',
          outlet('hair', ...p, { categories: ['hair'], payment: ['cash', 'elderCard'] }),
        );
        await store.set(
          'outlets',
          'pending',
          outlet('pending', ...p, { categories: ['vegetables'], status: 'pending' }),
        );
        const ids = async (where: NonNullable<Parameters<Store['nearby']>[1]['where']>) =>
          (await store.nearby('outlets', { center: CENTER, maxMeters: 500, where })).items.map((h) => h.id).sort();
        expect(await ids({ status: 'approved' })).toEqual(['both', 'hair', 'veg']);
        expect(await ids({ status: 'approved', categories: { anyOf: ['vegetables', 'breakfast'] } })).toEqual([
          'both',
          'veg',
        ]);
        expect(await ids({ payment: { allOf: ['cash', 'elderCard'] } })).toEqual(['both', 'hair']);
        expect(await ids({ categories: { anyOf: [] } })).toEqual([]);
      });
      it('pages in (distance, id) order with its own cursor, equal distances included', async () => {
        const twin = offset(CENTER, 200, 0);
        await store.set('outlets', 'p1', outlet('p1', ...offset(CENTER, 100, 0)));
        await store.set('outlets', 't1', outlet('t1', ...twin));
        await store.set('outlets', 't2', outlet('t2', ...twin));
        await store.set('outlets', 'p3', outlet('p3', ...offset(CENTER, 300, 0)));
        const first = await store.nearby('outlets', { center: CENTER, maxMeters: 667, limit: 2 });
        expect(first.items.map((h) => h.id)).toEqual(['p1', 't1']);
        const next = await store.nearby('outlets', {
          center: CENTER,
          maxMeters: 667,
          limit: 1,
          cursor: first.nextCursor,
        });
        expect(next.items.map((h) => h.id)).toEqual(['t2']);
        const rest = await store.nearby('outlets', { center: CENTER, maxMeters: 667, cursor: next.nextCursor });
        expect(rest.items.map((h) => h.id)).toEqual(['p3']);
        expect(rest.nextCursor).toBeNull();
      });
      it('fills a page with accepted documents only and pages past the refused ones', async () => {
        for (let i = 0; i < 6; i++)
          await store.set(
            'outlets',
            `k${i}`,
            outlet(`k${i}`, ...offset(CENTER, 50 * (i + 1), 0), { accessible: i % 2 === 0 }),
          );
        const accept = (o: { accessible: boolean }) => o.accessible;
        const first = await store.nearby('outlets', { center: CENTER, maxMeters: 667, limit: 2, accept });
        expect(first.items.map((h) => h.id)).toEqual(['k0', 'k2']);
        const rest = await store.nearby('outlets', {
          center: CENTER,
          maxMeters: 667,
          limit: 2,
          accept,
          cursor: first.nextCursor,
        });
        expect(rest.items.map((h) => h.id)).toEqual(['k4']);
        expect(rest.nextCursor).toBeNull();
      });
      it('refuses a cursor it did not make', async () => {
        for (const bad of ['W3siYSI6MX0sIngiXQ', Buffer.from('[[1,2],"x"]').toString('base64url'), '%%%'])
          await expect(store.nearby('outlets', { center: CENTER, maxMeters: 667, cursor: bad })).rejects.toMatchObject({
            code: 'INVALID_INPUT',
            field: 'cursor',
          });
      });
      it('follows a moved or removed document and caps the answer at the limit', async () => {
        await store.set('outlets', 'm', outlet('m', ...offset(CENTER, 100, 0)));
        await store.set('outlets', 'n', outlet('n', ...offset(CENTER, 200, 0)));
        await store.update('outlets', 'm', { location: { type: 'Point', coordinates: offset(CENTER, 3000, 0) } });
        expect((await store.nearby('outlets', { center: CENTER, maxMeters: 667 })).items.map((h) => h.id)).toEqual([
          'n',
        ]);
        await store.transaction((tx) => tx.remove('outlets', 'n'));
        expect((await store.nearby('outlets', { center: CENTER, maxMeters: 667 })).items).toEqual([]);
        for (let i = 0; i < 5; i++) await store.set('outlets', `x${i}`, outlet(`x${i}`, ...offset(CENTER, 10 * i, 0)));
        expect(
          (await store.nearby('outlets', { center: CENTER, maxMeters: 667, limit: 3 })).items.map((h) => h.id),
        ).toEqual(['x0', 'x1', 'x2']);
      });
    },

    transaction() {
      it('commits all writes of a transaction together and returns its result', async () => {
        const result = await store.transaction(async (tx) => {
          await tx.set('communities', community(1).code, community(1));
          await tx.set('meta', 'counter', { key: 'counter', value: '1', updatedAt: 't' });
          return (await tx.get('communities', community(1).code))?.name;
        });
        expect(result).toBe('测试社区1');
        expect(await store.get('meta', 'counter')).toMatchObject({ value: '1' });
      });
      it('rolls back every write when the work throws, and passes the error on', async () => {
        await store.set('meta', 'n', { key: 'n', value: '0', updatedAt: '' });
        await expect(
          store.transaction(async (tx) => {
            await tx.update('meta', 'n', { value: '1' });
            await tx.set('meta', 'm', { key: 'm', value: '1', updatedAt: '' });
            await tx.remove('meta', 'n');
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.get('meta', 'n')).toMatchObject({ value: '0' });
        expect(await store.get('meta', 'm')).toBeNull();
      });
      it('answers NOT_FOUND when a transaction updates a missing document', async () => {
        await expect(store.transaction((tx) => tx.update('meta', 'missing', { value: 'x' }))).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });
      it('loses no increment when 50 transactions update one counter at once', async () => {
        await store.set('meta', 'n', { key: 'n', value: '0', updatedAt: '' });
        await Promise.all(
          Array.from({ length: 50 }, () =>
            store.transaction(async (tx) => {
              const cur = await tx.get('meta', 'n');
              await tx.update('meta', 'n', { value: String(Number(cur?.value) + 1) });
            }),
          ),
        );
        expect(await store.get('meta', 'n')).toMatchObject({ value: '50' });
      });
      it('creates a document with a deterministic id once, however many try at the same time', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction(async (tx) => {
              if (await tx.get('users', 'same')) return false;
              await tx.set('users', 'same', { ...worker('same', '110102001'), nickname: `try-${i}` });
              return true;
            }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.count('users')).toBe(1);
      });
    },

    versions() {
      it('changes a collection’s number after every kind of write to it, and only to it', async () => {
        const read = () => store.versions(['communities', 'outlets', 'events']);
        const before = await read();
        const c = community(1);
        await store.set('communities', c.code, c);
        const afterSet = await read();
        expect(afterSet[0]).not.toBe(before[0]);
        expect(afterSet.slice(1)).toEqual(before.slice(1));
        await store.update('communities', c.code, { name: '改名社区' });
        const afterUpdate = await read();
        expect(afterUpdate[0]).not.toBe(afterSet[0]);
        await store.transaction(async (tx) => tx.update('communities', c.code, { name: '又改名' }));
        const afterTx = await read();
        expect(afterTx[0]).not.toBe(afterUpdate[0]);
        await store.remove('communities', c.code);
        const afterRemove = await read();
        expect(afterRemove[0]).not.toBe(afterTx[0]);
        expect(afterRemove.slice(1)).toEqual(before.slice(1));
        // Reading changes nothing; a write to another collection leaves these alone.
        await store.get('communities', c.code);
        await store.set('meta', 'k', { key: 'k', value: 'v', updatedAt: '' });
        expect(await read()).toEqual(afterRemove);
      });
      it('leaves the number alone when a transaction rolls back', async () => {
        const [before] = await store.versions(['communities']);
        await expect(
          store.transaction(async (tx) => {
            await tx.set('communities', community(5).code, community(5));
            throw new Error('no');
          }),
        ).rejects.toThrow('no');
        expect(await store.versions(['communities'])).toEqual([before]);
      });
    },

    close() {
      it('refuses every operation after close', async () => {
        await store.set('meta', 'k', { key: 'k', value: 'v', updatedAt: '' });
        await store.close();
        await expect(store.get('meta', 'k')).rejects.toThrow('store is closed');
        await expect(store.transaction((tx) => tx.get('meta', 'k'))).rejects.toThrow('store is closed');
        store = await open(); // for afterEach
      });
    },
  };

  for (const [method, run] of Object.entries(cases)) describe(method, run);
}
