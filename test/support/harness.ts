import type { ActionKey, Envelope, Req, Res } from '../../types';
import { demoOpenid } from '../../cloudfunctions/areas/auth';
import { LOCAL_SUBSCRIPTIONS, routerFor, type Deps } from '../../cloudfunctions/local/routers';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { seedWithDemoAccounts } from './seed';

export const FIXED_NOW = new Date('2026-11-28T02:00:00Z');

/** A fresh in-memory store with the real streets, communities and demo accounts. */
export async function seededStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await seedWithDemoAccounts(store, FIXED_NOW);
  return store;
}

export function depsFor(store: SqliteStore, extra: Partial<Deps> = {}): Deps {
  return {
    store,
    now: () => FIXED_NOW,
    devLogin: true,
    issueSession: (openid) => `test-session-for-${openid}`,
    fileUrl: (fileId) => `/files/${fileId}?exp=test`,
    log: () => undefined,
    subscriptions: LOCAL_SUBSCRIPTIONS,
    ...extra,
  };
}

/** Who calls: a demo account key, a raw openid, or nobody. */
export type As = { account: string } | { openid: string } | null;

/** Calls an action through its router, exactly as the entries do, with an untyped payload allowed. */
export async function callRaw(deps: Deps, action: string, data: unknown, as: As = null): Promise<Envelope<unknown>> {
  const [fn, name] = action.split('.');
  const router = routerFor(fn);
  if (!router) throw new Error(`no router ${fn}`);
  const openid = as === null ? null : 'account' in as ? demoOpenid(as.account) : as.openid;
  return router.handle({ action: name, data }, { openid }, deps);
}

export async function call<K extends ActionKey>(
  deps: Deps,
  action: K,
  data: Req<K>,
  as: As = null,
): Promise<Envelope<Res<K>>> {
  return (await callRaw(deps, action, data, as)) as Envelope<Res<K>>;
}

/** The data of an ok envelope; fails the test with the error otherwise. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export function errorOf(env: Envelope<unknown>): {
  code: string;
  message: string;
  field?: string;
  fields?: Record<string, string>;
} {
  if (env.ok) throw new Error('expected an error, got ok');
  return env.error;
}
