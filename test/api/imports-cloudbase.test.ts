import { importPlan, proposeFromFifteen } from '../../cloudfunctions/areas/circles';
import { importLocations, seedReference } from '../../cloudfunctions/areas/geo';
import { readReference } from '../../cloudfunctions/local/reference-files';
import { readAll } from '../../cloudfunctions/store/port';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { installMemoryCloudbase } from '../support/cloudbase';
import { FIXED_NOW } from '../support/harness';
import { locationsCsv, planCsv, testPlan, testPointsForUnlocated } from './import-fixtures';

/**
 * The reference imports on the CloudBase adapter (the real SDK over an in-memory database): the queries they make
 * (`in` on minutes, equality on a level) and their transactions of many documents work there as on SQLite.
 */
describe('the reference imports on the CloudBase adapter', () => {
  it('locates the 115 communities, imports 15- and 10-minute plans, and splits the 15-minute circles', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    const ref = readReference();
    await seedReference(store, ref, FIXED_NOW);

    const located = await importLocations(store, locationsCsv(testPointsForUnlocated(ref.communities)), {
      by: 'test',
      now: FIXED_NOW,
    });
    expect(located).toMatchObject({ located: 115, written: true, coverageRefreshed: true });
    expect((await readAll(store, 'streets')).reduce((n, s) => n + s.locatedCount, 0)).toBe(263);

    expect(await importPlan(store, planCsv(testPlan(ref.communities, 38, 15)), { now: FIXED_NOW })).toMatchObject({
      written: true,
      circles: { fifteen: 38 },
    });
    expect(await importPlan(store, planCsv(testPlan(ref.communities, 50, 10)), { now: FIXED_NOW })).toMatchObject({
      written: true,
      replaced: 0,
      circles: { ten: 50 },
    });
    expect(await store.count('circles', { minutes: { in: [8, 10] } })).toBe(50);
    const communities = await readAll(store, 'communities');
    expect(communities.filter((c) => c.circleId && c.fifteenCircleId)).toHaveLength(263);

    const split = await proposeFromFifteen(store, 10);
    expect(split.counts?.before).toBe(38);
    expect(split.circles.flatMap((c) => c.members)).toHaveLength(263);
  }, 60000);
});
