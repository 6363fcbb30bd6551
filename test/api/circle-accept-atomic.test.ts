import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll, type Store } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, FIXED_NOW, ok } from '../support/harness';

const ADMIN = { account: 'admin' };

/** The store, with every transaction failing once it has written `limit` circles (a fault half-way through). */
function failingAfter(store: SqliteStore, limit: number): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (work: (tx: unknown) => Promise<unknown>) =>
        target.transaction(async (tx) => {
          let circles = 0;
          const faulty = new Proxy(tx, {
            get(t, p, r) {
              const v = Reflect.get(t, p, r);
              if (p !== 'set' || typeof v !== 'function') return typeof v === 'function' ? v.bind(t) : v;
              return (collection: string, ...rest: unknown[]) => {
                if (collection === 'circles' && ++circles > limit) throw new Error('存储故障（测试注入）');
                return (v as (...a: unknown[]) => unknown).call(t, collection, ...rest);
              };
            },
          });
          return work(faulty);
        });
    },
  }) as unknown as Store;
}

describe('accepting a circle plan is all or nothing', () => {
  it('keeps the current circles and every community’s circle when the accept fails half-way', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      await ensureSeeded(store, 0, FIXED_NOW);
      const deps = depsFor(store);
      // An 8-minute plan in place, then a failing accept of the 10-minute proposal.
      ok(await call(deps, 'circles.save', { op: 'accept', minutes: 8, replace: true }, ADMIN));
      const circlesBefore = await readAll(store, 'circles');
      const communitiesBefore = (await readAll(store, 'communities')).map((c) => [c.code, c.circleId ?? null]);
      expect(circlesBefore.length).toBeGreaterThan(10);

      const broken = depsFor(failingAfter(store, 5) as SqliteStore);
      const env = await call(broken, 'circles.save', { op: 'accept', minutes: 10, replace: true }, ADMIN);
      expect(env.ok).toBe(false);

      expect(await readAll(store, 'circles')).toEqual(circlesBefore);
      expect((await readAll(store, 'communities')).map((c) => [c.code, c.circleId ?? null])).toEqual(communitiesBefore);
      // And the same accept without the fault replaces the plan whole.
      const accepted = ok(await call(deps, 'circles.save', { op: 'accept', minutes: 10, replace: true }, ADMIN));
      expect((await readAll(store, 'circles', { minutes: { in: [8, 10] } })).length).toBe(accepted.circles.length);
    } finally {
      store.close();
    }
  });
});
