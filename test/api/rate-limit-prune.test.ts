import { pruneRateLimits } from '../../cloudfunctions/router/limits';
import { readAll } from '../../cloudfunctions/store/port';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, FIXED_NOW, ok, seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

const minutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000);

describe('limit counters are pruned once their time has passed', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await seededStore();
    await store.set('outlets', 'shop', outlet('shop', 116.3745, 39.9075, { ownerOpenid: 'owner-1' }));
  });
  afterEach(() => store.close());

  it('keeps the minute’s write counter and the hour’s rating counter while they count, and removes each after', async () => {
    ok(await call(depsFor(store), 'ratings.submit', { outletId: 'shop', stars: 5 }, { openid: 'resident-a' }));
    const counters = await readAll(store, 'rateLimits');
    // The per-person write limit of the minute and the rating limit of the hour, both with their expiry.
    expect(counters).toHaveLength(2);
    expect(counters.every((c) => typeof c.expiresAt === 'string')).toBe(true);

    expect(await pruneRateLimits(store, minutes(1))).toBe(0);
    expect(await store.count('rateLimits')).toBe(2);
    expect(await pruneRateLimits(store, minutes(3))).toBe(1);
    expect((await readAll(store, 'rateLimits')).map((c) => c.id)).toEqual([
      counters.find((c) => !c.id.startsWith('w_'))!.id,
    ]);
    expect(await pruneRateLimits(store, minutes(180))).toBe(1);
    expect(await store.count('rateLimits')).toBe(0);

    // Counting starts afresh after a prune: a later rating writes new counters with their own expiry.
    const again = await call(
      depsFor(store, { now: () => minutes(181) }),
      'ratings.submit',
      { outletId: 'shop', stars: 4 },
      { openid: 'resident-a' },
    );
    expect(again.ok).toBe(true);
    expect(await store.count('rateLimits')).toBe(2);
  });
});
