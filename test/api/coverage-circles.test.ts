import { BASIC_CATEGORIES } from '../../types';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { metersBetween, reachMeters } from '../../cloudfunctions/core/reach';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { outlet } from '../support/outlets';

describe('coverage and circles on the default demo data', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeAll(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 2000, FIXED_NOW);
    deps = depsFor(store);
  });
  afterAll(() => store.close());

  it('reports 263 communities, 148 located, 115 unlocated and an index between 0 and 1', async () => {
    const report = ok(await call(deps, 'coverage.report', {}));
    expect(report.district).toMatchObject({ total: 263, located: 148, unlocated: 115 });
    expect(report.district.index).toBeGreaterThanOrEqual(0);
    expect(report.district.index).toBeLessThanOrEqual(1);
    expect(report.district.served).toBeLessThan(148); // the demo data leaves gaps on purpose
    expect(report.streets).toHaveLength(15);
    expect(report.streets.reduce((n, s) => n + s.total, 0)).toBe(263);
    expect(report.categories.map((c) => c.id)).toEqual(BASIC_CATEGORIES);
    const eight = ok(await call(deps, 'coverage.report', { minutes: 8 }));
    const fifteen = ok(await call(deps, 'coverage.report', { minutes: 15 }));
    expect(eight.district.served).toBeLessThanOrEqual(report.district.served);
    expect(fifteen.district.served).toBeGreaterThanOrEqual(report.district.served);
  });

  it('raises the index on the next read when a new outlet that fills a gap is approved', async () => {
    const gaps = ok(await call(deps, 'coverage.gaps', {}));
    const target = gaps.find((g) => g.missing.length === 1);
    if (!target) throw new Error('the demo data should have a community missing exactly one basic service');
    const community = (await store.get('communities', target.communityCode))!;
    const before = ok(await call(deps, 'coverage.report', {}));
    await store.set(
      'outlets',
      'new-shop',
      outlet('new-shop', ...community.location!.coordinates, {
        categories: [target.missing[0] as (typeof BASIC_CATEGORIES)[number]],
        status: 'pending',
        streetCode: community.streetCode,
        hours: { week: Array.from({ length: 7 }, () => [['00:00', '24:00']]), holidayNote: null },
      }),
    );
    expect(ok(await call(deps, 'coverage.report', {})).district.served).toBe(before.district.served); // pending: nothing yet
    ok(
      await call(
        deps,
        'outlets.setStatus',
        { id: 'new-shop', status: 'approved' },
        { account: `worker-${community.streetCode}` },
      ),
    );
    const after = ok(await call(deps, 'coverage.report', {}));
    // The target is served now (and so may be a neighbour that lacked only the same service).
    expect(after.district.served).toBeGreaterThanOrEqual(before.district.served + 1);
    expect(after.district.index!).toBeGreaterThan(before.district.index!);
    const gapNow = ok(await call(deps, 'coverage.gaps', { streetCode: community.streetCode })).find(
      (g) => g.communityCode === community.code,
    );
    expect(gapNow?.missing).toEqual([]);
  });

  it('lets only a worker of the outlet’s street or an admin change its status', async () => {
    await store.set('outlets', 'guarded', outlet('guarded', 116.3745, 39.9075, { streetCode: '110102001' }));
    expect(
      errorOf(
        await call(deps, 'outlets.setStatus', { id: 'guarded', status: 'suspended' }, { account: 'worker-110102003' }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await call(deps, 'outlets.setStatus', { id: 'guarded', status: 'suspended' }, { account: 'resident' }))
        .code,
    ).toBe('FORBIDDEN');
    expect((await store.get('outlets', 'guarded'))?.status).toBe('approved');
  });

  it('proposes 10-minute circles in which every member is within reach and every located community is in one', async () => {
    const proposal = ok(await call(deps, 'circles.propose', { minutes: 10 }, { account: 'admin' }));
    const members = proposal.circles.flatMap((c) => c.members);
    expect(new Set(members).size).toBe(members.length);
    expect(members).toHaveLength(148);
    expect(proposal.unassigned).toHaveLength(115);
    for (const c of proposal.circles)
      for (const code of c.members) {
        const m = (await store.get('communities', code))!;
        expect(metersBetween(c.centre.coordinates, m.location!.coordinates)).toBeLessThanOrEqual(reachMeters(10));
      }
    expect(errorOf(await call(deps, 'circles.propose', { minutes: 10 }, { account: 'resident' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('accepts a proposal, shows each circle with x/8 and its missing categories, and tracks progress against 25/15/10', async () => {
    expect(
      errorOf(await call(deps, 'circles.save', { op: 'accept', minutes: 10 }, { account: 'worker-110102001' })).code,
    ).toBe('FORBIDDEN');
    // A new data folder already holds the proposed circles: replacing them must be asked for.
    const seeded = ok(await call(deps, 'circles.list', {})).length;
    expect(seeded).toBeGreaterThan(15);
    expect(errorOf(await call(deps, 'circles.save', { op: 'accept', minutes: 10 }, { account: 'admin' })).code).toBe(
      'CONFLICT',
    );
    const saved = ok(
      await call(deps, 'circles.save', { op: 'accept', minutes: 10, replace: true }, { account: 'admin' }),
    ).circles;
    expect(saved).toHaveLength(seeded);

    const list = ok(await call(deps, 'circles.list', {}));
    expect(list).toHaveLength(saved.length);
    for (const item of list) expect(item.basicCovered).toBeGreaterThanOrEqual(0);
    const withGap = list.find((i) => i.basicCovered < 8)!;
    const detail = ok(await call(deps, 'circles.get', { id: withGap.circle.id }));
    expect(detail.basicCovered).toBe(withGap.basicCovered);
    expect(detail.categories.filter((c) => c.missing)).toHaveLength(8 - detail.basicCovered);
    expect(detail.members.every((m) => m.withinReach)).toBe(true);

    // A street with at least two circles, to move a community between them.
    const street = list.find((i) => list.filter((j) => j.circle.streetCode === i.circle.streetCode).length >= 2);
    expect(street).toBeDefined();
    const [a, b] = list.filter((i) => i.circle.streetCode === street!.circle.streetCode).map((i) => i.circle);
    const moved = b.members[0];
    ok(
      await call(
        deps,
        'circles.save',
        {
          op: 'update',
          id: a.id,
          members: [...a.members, moved],
          name: '改名的生活圈',
          year: 2023,
          status: 'built',
          override: '区级验收会议确认',
        },
        { account: 'admin' },
      ),
    );
    expect((await store.get('circles', b.id))?.members).not.toContain(moved);
    expect((await store.get('communities', moved))?.circleId).toBe(a.id);
    expect((await store.get('circles', a.id))?.name).toBe('改名的生活圈');
    const progress = ok(await call(deps, 'circles.progress', {}));
    expect(progress.years.map((y) => [y.year, y.target, y.cumulativeTarget])).toEqual([
      [2023, 25, 25],
      [2024, 15, 40],
      [2025, 10, 50],
    ]);
    expect(progress.years[0].built).toBe(1);
    expect(progress.total).toBe(saved.length);
  });

  it('suggests sites for a missing category, to workers and admins only', async () => {
    const gaps = ok(await call(deps, 'coverage.gaps', {}));
    const category = BASIC_CATEGORIES.find((c) => gaps.some((g) => g.missing.includes(c)))!;
    const siting = ok(await call(deps, 'coverage.siting', { category, k: 3 }, { account: 'admin' }));
    expect(siting.uncovered).toBe(gaps.filter((g) => g.missing.includes(category)).length);
    expect(siting.picks.length).toBeGreaterThan(0);
    const covered = siting.picks.map((p) => p.covers.length);
    expect(covered).toEqual([...covered].sort((x, y) => y - x));
    expect(errorOf(await call(deps, 'coverage.siting', { category, k: 3 }, { account: 'resident' })).code).toBe(
      'FORBIDDEN',
    );
  });
});
