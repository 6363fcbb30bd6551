import { metersBetween } from '../../cloudfunctions/core/reach';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { databaseSpec, installMemoryCloudbase } from '../support/cloudbase';
import { geodesicMeters } from '../support/cloudbase-memory';
import { offset, outlet } from '../support/outlets';

const AT = '2026-11-28T02:00:00.000Z';
const CENTER: [number, number] = [116.3745, 39.9075];
const meta = (value: string) => ({ key: 'n', value, updatedAt: AT });

/** The SDK's own transaction object, for holding a lock the way another caller would. */
async function holdLock(value: string) {
  const tx = await cloudbaseDb().startTransaction();
  await tx.collection('meta').doc('n').update({ value });
  return tx;
}

describe('the in-memory CloudBase is as strict as the service', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created, until it is created', async () => {
    const spec = databaseSpec();
    spec.collections = spec.collections.filter((c) => c.name !== 'sessions');
    const memory = installMemoryCloudbase({ spec });
    const store = new CloudbaseStore(cloudbaseDb());
    await expect(store.get('sessions', 's1')).rejects.toMatchObject({ sdkCode: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(store.transaction((tx) => tx.get('sessions', 's1'))).rejects.toMatchObject({
      sdkCode: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    memory.createCollection('sessions');
    expect(await store.get('sessions', 's1')).toBeNull();
  });

  it('ends every transaction attempt: each conflict is rolled back before the next try', async () => {
    const memory = installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await store.set('meta', 'n', meta('0'));
    await Promise.all(
      Array.from({ length: 30 }, () =>
        store.transaction(async (tx) => {
          const cur = await tx.get('meta', 'n');
          await tx.update('meta', 'n', { value: String(Number(cur?.value) + 1) });
        }),
      ),
    );
    expect(await store.get('meta', 'n')).toMatchObject({ value: '30' });
    const counts = memory.counts();
    expect(counts['database.abortTransaction']).toBeGreaterThan(0);
    expect(counts['database.startTransaction']).toBe(
      counts['database.commitTransaction'] + counts['database.abortTransaction'],
    );
    expect(memory.openTransactions).toBe(0);
  });

  it('makes a write outside a transaction wait until the transaction holding the document ends', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await store.set('meta', 'n', meta('0'));
    const tx = await holdLock('from-transaction');
    let landed = false;
    const outside = store.update('meta', 'n', { value: 'outside' }).then(() => (landed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(landed).toBe(false);
    await tx.commit();
    await outside;
    expect(await store.get('meta', 'n')).toMatchObject({ value: 'outside' });
  });

  it('fails a write outside a transaction that waits longer than the lock wait', async () => {
    installMemoryCloudbase({ lockWaitMs: 30 });
    const store = new CloudbaseStore(cloudbaseDb());
    await store.set('meta', 'n', meta('0'));
    const tx = await holdLock('held');
    await expect(store.update('meta', 'n', { value: 'late' })).rejects.toMatchObject({ sdkCode: 'DATABASE_TIMEOUT' });
    await tx.rollback(undefined);
    expect(await store.get('meta', 'n')).toMatchObject({ value: '0' });
  });

  it('keeps the locks of a transaction nobody ended until its lifetime runs out', async () => {
    const memory = installMemoryCloudbase({ transactionLifetimeMs: 100 });
    const db = cloudbaseDb();
    const store = new CloudbaseStore(db);
    await store.set('meta', 'n', meta('0'));
    await holdLock('abandoned');
    const write = () =>
      db.runTransaction(
        (t: { collection(n: string): { doc(id: string): { update(d: object): Promise<unknown> } } }) =>
          t.collection('meta').doc('n').update({ value: 'next' }),
        0,
      );
    await expect(write()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await new Promise((r) => setTimeout(r, 150));
    expect(memory.openTransactions).toBe(0);
    await write();
    expect(await store.get('meta', 'n')).toMatchObject({ value: 'next' });
  });

  it('adds latency to every request and counts them', async () => {
    const memory = installMemoryCloudbase({ latencyMs: 40 });
    const store = new CloudbaseStore(cloudbaseDb());
    const start = Date.now();
    await store.get('meta', 'n');
    expect(Date.now() - start).toBeGreaterThanOrEqual(38);
    await store.getMany('meta', ['a', 'b']);
    expect(memory.counts()).toEqual({ 'database.getDocument': 2 });
  });

  it('measures geoNear on the ellipsoid, and the adapter still finds an outlet just inside the radius by its own measure', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    // Due east at this latitude the ellipsoid is longer than the product's sphere.
    const [lng, lat] = offset(CENTER, 999, 0);
    const edge = outlet('edge', lng, lat);
    await store.set('outlets', 'edge', edge);
    const ours = metersBetween(CENTER, [lng, lat]);
    const maxMeters = Math.ceil(ours);
    expect(ours).toBeLessThanOrEqual(maxMeters);
    expect(geodesicMeters(CENTER, [lng, lat])).toBeGreaterThan(maxMeters);
    const page = await store.nearby('outlets', { center: CENTER, maxMeters });
    expect(page.items.map((h) => h.id)).toEqual(['edge']);
    expect(page.items[0].meters).toBeCloseTo(ours, 6);
  });
});

describe('unique indexes on the in-memory CloudBase', () => {
  it('refuses a second sign-up with the same check-in code for one event, as the declared unique index does', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    const signup = (openid: string, eventId: string) => ({
      id: `${eventId}_${openid}`,
      eventId,
      openid,
      status: 'confirmed' as const,
      queueKey: `${AT}|${eventId}_${openid}`,
      checkInCode: '1234567',
      checkedInAt: null,
      createdAt: AT,
      updatedAt: AT,
    });
    await store.set('signups', 'e1_a', signup('a', 'e1'));
    await store.set('signups', 'e2_b', signup('b', 'e2'));
    await store.set('signups', 'e1_a', { ...signup('a', 'e1'), status: 'cancelled' });
    await expect(store.set('signups', 'e1_c', signup('c', 'e1'))).rejects.toMatchObject({
      sdkCode: 'DATABASE_DUPLICATE_WRITE',
    });
    expect(await store.count('signups', { eventId: 'e1' })).toBe(1);
  });
});
