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
});
