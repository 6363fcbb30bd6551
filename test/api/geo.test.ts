import type { Community, Street } from '../../types';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, callRaw, depsFor, errorOf, FIXED_NOW, ok, seededStore } from '../support/harness';

const XICHANGAN = '110102001';
const XINJIEKOU = '110102003';
/** 府右街南社区居委会, in 西长安街街道. */
const FUYOUJIE = '110102001004';
/** A point inside Xicheng, near 西单. */
const INSIDE = { lng: 116.3745, lat: 39.9075 };

describe('geo: streets and communities', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  async function unlocatedIn(streetCode: string): Promise<Community> {
    const page = ok(await call(deps, 'geo.communities', { streetCode }));
    const c = page.items.find((x) => !x.location);
    if (!c) throw new Error('no unlocated community');
    return c;
  }
  const streetOf = async (code: string): Promise<Street> =>
    ok(await call(deps, 'geo.streets', {})).find((s) => s.code === code) as Street;

  it('lists 15 streets whose counts add up to 263 communities, 148 located, to anyone', async () => {
    const streets = ok(await call(deps, 'geo.streets', {}));
    expect(streets).toHaveLength(15);
    expect(streets.reduce((n, s) => n + s.communityCount, 0)).toBe(263);
    expect(streets.reduce((n, s) => n + s.locatedCount, 0)).toBe(148);
  });

  it('lists the 11 communities of 西长安街街道, 5 of them without a location', async () => {
    const page = ok(await call(deps, 'geo.communities', { streetCode: XICHANGAN }));
    expect(page.items).toHaveLength(11);
    expect(page.items.filter((c) => c.location === null)).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
  });

  it('pages all 263 communities with a cursor', async () => {
    const codes: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: Community[]; nextCursor: string | null } = ok(
        await call(deps, 'geo.communities', cursor ? { cursor } : {}),
      );
      codes.push(...page.items.map((c) => c.code));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(codes).size).toBe(263);
  });

  it('answers INVALID_INPUT naming the field for a street code that is a number', async () => {
    const err = errorOf(await callRaw(deps, 'geo.communities', { streetCode: 123 }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.field).toBe('streetCode');
  });

  it('answers UNKNOWN_ACTION for an action the area does not have', async () => {
    const err = errorOf(await callRaw(deps, 'geo.dropTables', {}));
    expect(err).toEqual({ code: 'UNKNOWN_ACTION', message: '不支持的操作：geo.dropTables' });
  });

  it('tells each caller whether they may set a community location', async () => {
    const can = async (as: Parameters<typeof call>[3]) =>
      ok(await call(deps, 'geo.community', { code: FUYOUJIE }, as)).canSetLocation;
    expect(await can({ account: `worker-${XICHANGAN}` })).toBe(true);
    expect(await can({ account: 'admin' })).toBe(true);
    expect(await can({ account: `worker-${XINJIEKOU}` })).toBe(false);
    expect(await can({ account: 'resident' })).toBe(false);
    expect(await can(null)).toBe(false);
  });

  it('answers NOT_FOUND for a community code that does not exist', async () => {
    expect(errorOf(await call(deps, 'geo.community', { code: '110102001999' })).code).toBe('NOT_FOUND');
  });

  describe('setting a community location', () => {
    it('lets a worker of the street set it, recording who and when, and counts it on the street', async () => {
      const target = await unlocatedIn(XICHANGAN);
      const before = await streetOf(XICHANGAN);
      const updated = ok(
        await call(
          deps,
          'geo.setCommunityLocation',
          { communityCode: target.code, ...INSIDE },
          { account: `worker-${XICHANGAN}` },
        ),
      );
      expect(updated.location).toEqual({ type: 'Point', coordinates: [INSIDE.lng, INSIDE.lat] });
      expect(updated).toMatchObject({
        locationSource: 'worker',
        locationSetBy: `demo:worker-${XICHANGAN}`,
        locationSetAt: FIXED_NOW.toISOString(),
      });
      const seen = ok(await call(deps, 'geo.community', { code: target.code })).community;
      expect(seen.location).toEqual(updated.location);
      // Who set it is kept in the record, not shown to the public.
      expect(seen.locationSetBy).toBeNull();
      expect((await store.get('communities', target.code))?.locationSetBy).toBe(`demo:worker-${XICHANGAN}`);
      expect((await streetOf(XICHANGAN)).locatedCount).toBe(before.locatedCount + 1);
    });

    it('does not count a community twice when its location is corrected', async () => {
      const target = await unlocatedIn(XICHANGAN);
      const worker = { account: `worker-${XICHANGAN}` };
      const before = await streetOf(XICHANGAN);
      ok(await call(deps, 'geo.setCommunityLocation', { communityCode: target.code, ...INSIDE }, worker));
      ok(
        await call(deps, 'geo.setCommunityLocation', { communityCode: target.code, lng: 116.375, lat: 39.908 }, worker),
      );
      expect((await streetOf(XICHANGAN)).locatedCount).toBe(before.locatedCount + 1);
    });

    it('lets an admin set any community, and a community worker only their own community', async () => {
      ok(await call(deps, 'geo.setCommunityLocation', { communityCode: FUYOUJIE, ...INSIDE }, { account: 'admin' }));
      const own = { account: `worker-community-${FUYOUJIE}` };
      ok(await call(deps, 'geo.setCommunityLocation', { communityCode: FUYOUJIE, ...INSIDE }, own));
      const neighbour = (await unlocatedIn(XICHANGAN)).code;
      expect(
        errorOf(await call(deps, 'geo.setCommunityLocation', { communityCode: neighbour, ...INSIDE }, own)).code,
      ).toBe('FORBIDDEN');
    });

    it('refuses a worker of another street, a resident, a merchant and an anonymous caller, and writes nothing', async () => {
      const target = await unlocatedIn(XICHANGAN);
      const req = { communityCode: target.code, ...INSIDE };
      expect(errorOf(await call(deps, 'geo.setCommunityLocation', req, { account: `worker-${XINJIEKOU}` })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await call(deps, 'geo.setCommunityLocation', req, { account: 'resident' })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await call(deps, 'geo.setCommunityLocation', req, { account: 'merchant' })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await call(deps, 'geo.setCommunityLocation', req, null)).code).toBe('UNAUTHENTICATED');
      expect(ok(await call(deps, 'geo.community', { code: target.code })).community.location).toBeNull();
    });

    it('rejects a point outside the district outline and writes nothing', async () => {
      const target = await unlocatedIn(XICHANGAN);
      const before = await streetOf(XICHANGAN);
      const err = errorOf(
        await call(
          deps,
          'geo.setCommunityLocation',
          { communityCode: target.code, lng: 116.4074, lat: 39.9042 }, // 东城区
          { account: 'admin' },
        ),
      );
      expect(err.code).toBe('OUTSIDE_DISTRICT');
      expect(ok(await call(deps, 'geo.community', { code: target.code })).community.location).toBeNull();
      expect(await streetOf(XICHANGAN)).toEqual(before);
    });

    it('ignores a role or openid placed in the payload', async () => {
      const target = await unlocatedIn(XICHANGAN);
      const forged = {
        communityCode: target.code,
        ...INSIDE,
        role: 'admin',
        openid: 'demo:admin',
        user: { role: 'admin' },
      };
      expect(errorOf(await callRaw(deps, 'geo.setCommunityLocation', forged, { openid: 'someResident' })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await callRaw(deps, 'geo.setCommunityLocation', forged, null)).code).toBe('UNAUTHENTICATED');
      expect(ok(await call(deps, 'geo.community', { code: target.code })).community.location).toBeNull();
      expect((await store.get('users', 'someResident'))?.role).toBe('resident');
    });

    it('names the field when a coordinate is not a number', async () => {
      const err = errorOf(
        await callRaw(
          deps,
          'geo.setCommunityLocation',
          { communityCode: FUYOUJIE, lng: '116.37', lat: 39.9 },
          { account: 'admin' },
        ),
      );
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.field).toBe('lng');
    });
  });

  it('turns an unexpected failure into INTERNAL without internals in the message', async () => {
    const logged: unknown[] = [];
    const broken = depsFor(store, { log: (_m, e) => logged.push(e) });
    await store.close();
    const err = errorOf(await call(broken, 'geo.streets', {}));
    expect(err).toEqual({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
    expect(logged).toHaveLength(1);
    store = await seededStore(); // for afterEach
  });
});
