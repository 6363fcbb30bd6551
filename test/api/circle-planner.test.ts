import { Geodesic } from 'geographiclib-geodesic';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';

/** Distance on the ellipsoid, independent of the product's own distance function. */
const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
const ADMIN = { account: 'admin' };
const STREET = '110102001';
const WORKER = { account: `worker-${STREET}` };

describe('what the planner screen shows beside a proposal (circles.propose)', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 0, FIXED_NOW);
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  it('counts the communities placed before and after, names the unassigned ones and gives each circle its farthest walk', async () => {
    const all = await readAll(store, 'communities');
    const current = await readAll(store, 'circles', { minutes: { in: [8, 10] } });
    const proposal = ok(await call(deps, 'circles.propose', { minutes: 10 }, ADMIN));
    const inCurrent = new Set(current.flatMap((c) => c.members).filter((m) => all.some((c) => c.code === m)));
    const inProposal = new Set(proposal.circles.flatMap((c) => c.members));
    expect(proposal.placed).toEqual({ before: inCurrent.size, after: inProposal.size, total: all.length });
    expect(proposal.placed!.after + proposal.unassigned.length).toBe(all.length);
    const byCode = new Map(all.map((c) => [c.code, c]));
    expect(proposal.unassignedDetail).toEqual(
      proposal.unassigned.map((code) => ({
        code,
        name: byCode.get(code)!.name,
        streetCode: byCode.get(code)!.streetCode,
        located: !!byCode.get(code)!.location,
      })),
    );
    for (const c of proposal.circles) {
      const far = Math.max(
        ...c.members.map((m) => geodesic(byCode.get(m)!.location!.coordinates, c.centre.coordinates)),
      );
      // 80 m a minute, 1.2 detour, rounded (a community at the centre still takes a minute); the ellipsoid and the
      // sphere differ by a few metres, so a walk near a half minute may round either way.
      const exact = Math.max(1, (far * 1.2) / 80);
      expect(Number.isInteger(c.farthestMinutes)).toBe(true);
      expect(Math.abs(c.farthestMinutes! - exact)).toBeLessThanOrEqual(0.52);
      expect(c.farthestMinutes).toBeLessThanOrEqual(10);
    }
  });

  it("shows a street worker their own street's proposal only", async () => {
    const own = ok(await call(deps, 'circles.propose', { minutes: 10 }, WORKER));
    expect(own.circles.length).toBeGreaterThan(0);
    expect(new Set(own.circles.map((c) => c.streetCode))).toEqual(new Set([STREET]));
    expect(own).toEqual(ok(await call(deps, 'circles.propose', { minutes: 10, streetCode: STREET }, ADMIN)));
    expect(errorOf(await call(deps, 'circles.propose', { streetCode: '110102002' }, WORKER)).code).toBe('FORBIDDEN');
  });
});
