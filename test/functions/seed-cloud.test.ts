import { readReference } from '../../cloudfunctions/local/reference-files';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { seedCloud } from '../../scripts/seed-cloud';
import { installMemoryCloudbase } from '../support/cloudbase';

const NOW = new Date('2026-11-28T02:00:00Z');

describe('npm run seed:cloud (on the strict in-memory CloudBase)', () => {
  it('writes streets, communities, circles and coverage only: no accounts and no outlets', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    const result = await seedCloud(store, readReference(), NOW);
    expect(await store.count('streets')).toBe(15);
    expect(await store.count('communities')).toBe(263);
    expect(result.circles).toBeGreaterThan(0);
    expect(await store.count('circles')).toBe(result.circles);
    expect(await store.count('coverage')).toBeGreaterThan(0);
    expect(await store.count('users')).toBe(0);
    expect(await store.count('outlets')).toBe(0);
  }, 60000);

  it('leaves what exists on a second run, a worker-set location and the circles included', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    const ref = readReference();
    await seedCloud(store, ref, NOW);
    const code = ref.communities[0].code;
    await store.update('communities', code, { location: { type: 'Point', coordinates: [116.36, 39.91] } });
    const circles = (await store.query('circles', { limit: 100 })).items.map((c) => c.id).sort();
    const again = await seedCloud(store, ref, NOW);
    expect(again.created).toBe(0);
    expect(again.circles).toBeNull();
    expect((await store.get('communities', code))?.location).toEqual({ type: 'Point', coordinates: [116.36, 39.91] });
    expect((await store.query('circles', { limit: 100 })).items.map((c) => c.id).sort()).toEqual(circles);
  }, 60000);

  it('writes demo outlets only when asked, each marked demo', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    const result = await seedCloud(store, readReference(), NOW, { demoOutlets: 40 });
    expect(result.demoOutlets).toBe(40);
    expect(await store.count('outlets')).toBe(40);
    expect(await store.count('outlets', { source: 'demo' })).toBe(40);
    expect(await store.count('users')).toBe(0);
  }, 60000);
});
