import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, callRaw, depsFor, errorOf, ok, seededStore } from '../support/harness';

describe('auth: identity and dev sign-in', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await seededStore();
  });
  afterEach(() => store.close());

  it('lists demo accounts: a resident, a merchant, an admin and a worker for each of the 15 streets', async () => {
    const list = ok(await call(depsFor(store), 'auth.demoAccounts', {}));
    const roles = list.map((a) => a.role);
    expect(roles).toContain('resident');
    expect(roles).toContain('merchant');
    expect(roles).toContain('admin');
    const streetWorkers = list.filter((a) => a.role === 'worker' && a.scope?.kind === 'street');
    expect(new Set(streetWorkers.map((a) => a.scope?.streetCode)).size).toBe(15);
    expect(list.some((a) => a.scope?.kind === 'community')).toBe(true);
  });

  it('signs in as a demo account and answers token and user', async () => {
    const res = ok(await call(depsFor(store), 'auth.devLogin', { account: 'admin' }));
    expect(res.user).toMatchObject({ role: 'admin', openid: 'demo:admin' });
    expect(res.token).toBe('test-session-for-demo:admin');
  });

  it('signs in a new openid as a fresh resident, once however often it signs in', async () => {
    const deps = depsFor(store);
    const a = ok(await call(deps, 'auth.devLogin', { openid: 'person-0001' }));
    const b = ok(await call(deps, 'auth.devLogin', { openid: 'person-0001' }));
    expect(a.user).toMatchObject({ openid: 'person-0001', role: 'resident', scope: null });
    expect(b.user.createdAt).toBe(a.user.createdAt);
    expect(await store.count('users', { openid: 'person-0001' })).toBe(1);
  });

  it('refuses to claim a demo account through the openid path, and ignores a role in the payload', async () => {
    const deps = depsFor(store);
    expect(errorOf(await call(deps, 'auth.devLogin', { openid: 'demo:admin' })).code).toBe('INVALID_INPUT');
    const res = ok(await callRaw(deps, 'auth.devLogin', { openid: 'person-0002', role: 'admin' }));
    expect((res as { user: { role: string } }).user.role).toBe('resident');
  });

  it('asks for exactly one of account and openid', async () => {
    const deps = depsFor(store);
    expect(errorOf(await call(deps, 'auth.devLogin', {})).code).toBe('INVALID_INPUT');
    expect(errorOf(await call(deps, 'auth.devLogin', { account: 'admin', openid: 'person-3' })).code).toBe(
      'INVALID_INPUT',
    );
    expect(errorOf(await call(deps, 'auth.devLogin', { account: 'nobody' })).code).toBe('NOT_FOUND');
  });

  it('offers no dev sign-in when it is disabled', async () => {
    const deps = depsFor(store, { devLogin: false });
    expect(errorOf(await call(deps, 'auth.devLogin', { account: 'admin' })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(deps, 'auth.demoAccounts', {})).code).toBe('FORBIDDEN');
    expect(ok(await call(deps, 'auth.me', {})).devLogin).toBe(false);
  });

  it('tells who is signed in, and nobody when no one is', async () => {
    const deps = depsFor(store);
    expect(ok(await call(deps, 'auth.me', {}, { account: 'merchant' })).user?.role).toBe('merchant');
    expect(ok(await call(deps, 'auth.me', {}, null)).user).toBeNull();
  });

  it('lets a home community change at most once in 30 days after it is first set', async () => {
    let clock = new Date('2026-11-28T02:00:00Z');
    const deps = depsFor(store, { now: () => clock });
    const me = { openid: 'mover-1' };
    ok(await call(deps, 'auth.setHome', { communityCode: '110102001004' }, me));
    ok(await call(deps, 'auth.setHome', { communityCode: '110102001004' }, me)); // the same again changes nothing
    const refused = errorOf(await call(deps, 'auth.setHome', { communityCode: '110102003015' }, me));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toContain('2026年12月28日');
    expect(errorOf(await call(deps, 'auth.setHome', { communityCode: null }, me)).code).toBe('RATE_LIMITED');
    expect((await store.get('users', 'mover-1'))?.homeCommunityCode).toBe('110102001004');
    clock = new Date('2026-12-28T02:00:01Z');
    expect(ok(await call(deps, 'auth.setHome', { communityCode: '110102003015' }, me)).homeCommunityCode).toBe(
      '110102003015',
    );
  });

  it('names a new resident without any part of their openid', async () => {
    const user = ok(await call(depsFor(store), 'auth.me', {}, { openid: 'wx-openid-ABCD' })).user!;
    expect(user.nickname).toMatch(/^居民[0-9A-F]{4}$/);
    expect(user.nickname).not.toContain('ABCD');
  });

  it('limits each person’s writes a minute, saying when to retry, and writes nothing refused', async () => {
    const deps = depsFor(store, { writesPerMinute: 3 });
    const me = { openid: 'busy-1' };
    const report = { category: 'breakfast', communityCode: '110102001004' } as const;
    for (let i = 0; i < 3; i++) ok(await call(deps, 'demand.report', report, me));
    const refused = errorOf(await call(deps, 'demand.report', report, me));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/请 \d+ 秒后再试/);
    expect(await store.count('demandReports', { openid: 'busy-1' })).toBe(3);
    // Reads are not counted, and another person has their own allowance.
    expect(ok(await call(deps, 'demand.mine', {}, me))).toHaveLength(3);
    ok(await call(deps, 'demand.report', report, { openid: 'calm-1' }));
  });
});
