import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import type { DatabaseSpec } from '../../cloudfunctions/store/cloudbase/schema';
import { databaseSpec, installMemoryCloudbase } from '../support/cloudbase';
import type { MemoryCloudbase } from '../support/cloudbase-memory';
import { community, storeContract } from './store-contract';

/**
 * The contract suite tries every kind of filter the port offers on `communities`, shapes the product never asks;
 * their indexes are declared here, on top of the repository's, so the strict database still checks every one.
 */
function contractSpec(): DatabaseSpec {
  const spec = databaseSpec();
  const communities = spec.collections.find((c) => c.name === 'communities')!;
  for (const fields of [['location'], ['location.type'], ['streetCode', 'location'], ['name'], ['nothing']])
    communities.indexes.push({
      name: `contract_${fields.join('_')}`,
      keys: fields.map((field) => ({ field, direction: 1 as const })),
    });
  return spec;
}

describe('store contract', () => {
  storeContract(async () => {
    installMemoryCloudbase({ spec: contractSpec() });
    return new CloudbaseStore(cloudbaseDb());
  });
});

describe('CloudBase adapter on the wire', () => {
  let memory: MemoryCloudbase;
  let store: CloudbaseStore;
  beforeEach(() => {
    memory = installMemoryCloudbase();
    store = new CloudbaseStore(cloudbaseDb());
  });

  it('sends what the SDK serialises: EJSON documents keyed by _id, geo as GeoJSON', async () => {
    const c = community(2);
    await store.set('communities', c.code, c);
    const req = memory.requests.find((r) => r.api === 'database.modifyDocument');
    expect(req?.params).toMatchObject({ collectionName: 'communities', queryType: 'DOC', merge: false, upsert: true });
    expect(JSON.parse(String(req?.params.query))).toEqual({ _id: c.code });
    expect(JSON.parse(String(req?.params.data)).location).toMatchObject({ type: 'Point' });
  });

  it('replaces a nested object on update with command.set instead of merging it', async () => {
    const c = community(2);
    await store.set('communities', c.code, c);
    await store.update('communities', c.code, { location: null, name: '新名' });
    const update = memory.requests
      .filter((r) => r.api === 'database.modifyDocument' && r.params.collectionName === 'communities')
      .pop();
    expect(JSON.parse(String(update?.params.data))).toEqual({ $set: { location: null, name: '新名' } });
    // Then the collection's write counter, by an atomic increment.
    const counter = memory.requests.filter((r) => r.api === 'database.modifyDocument').pop();
    expect(JSON.parse(String(counter?.params.query))).toEqual({ _id: 'version_communities' });
    expect(JSON.parse(String(counter?.params.data))).toMatchObject({ $inc: { n: { $numberInt: '1' } } });
  });

  it('pages with a cursor condition on (field, _id) and asks for one more than a page', async () => {
    for (let i = 0; i < 5; i++) await store.set('communities', community(i).code, community(i));
    const first = await store.query('communities', { orderBy: { field: 'streetCode' }, limit: 2 });
    await store.query('communities', { orderBy: { field: 'streetCode' }, limit: 2, cursor: first.nextCursor });
    const get = memory.requests.filter((r) => r.api === 'database.getDocument').pop();
    expect(get?.params.limit).toBe(3);
    expect(JSON.parse(String(get?.params.order))).toEqual({
      streetCode: { $numberInt: '1' },
      _id: { $numberInt: '1' },
    });
    expect(String(get?.params.query)).toContain('$or');
  });

  it('retries transactions that CloudBase refuses as conflicting, and loses nothing', async () => {
    await store.set('meta', 'n', { key: 'n', value: '0', updatedAt: '' });
    await Promise.all(
      Array.from({ length: 30 }, () =>
        store.transaction(async (tx) => {
          const cur = await tx.get('meta', 'n');
          await tx.update('meta', 'n', { value: String(Number(cur?.value) + 1) });
        }),
      ),
    );
    expect(await store.get('meta', 'n')).toMatchObject({ value: '30' });
    expect(memory.requests.filter((r) => r.api === 'database.abortTransaction').length).toBeGreaterThan(0);
  });

  it('is refused a multi-document query inside a transaction, as CloudBase refuses it', async () => {
    const db = cloudbaseDb();
    await expect(
      db.runTransaction(async (t: { collection(n: string): { where(q: object): { get(): Promise<unknown> } } }) =>
        t.collection('communities').where({ streetCode: '110102001' }).get(),
      ),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('answers INTERNAL-bound faults for other SDK errors, without their text reaching people', async () => {
    const failing = new CloudbaseStore({
      ...cloudbaseDb(),
      collection: () => {
        throw Object.assign(new Error('secret detail'), { code: 'DATABASE_PERMISSION_DENIED' });
      },
    } as unknown as ReturnType<typeof cloudbaseDb>);
    await expect(failing.get('meta', 'x')).rejects.toMatchObject({
      name: 'CloudbaseFault',
      sdkCode: 'DATABASE_PERMISSION_DENIED',
    });
  });
});
