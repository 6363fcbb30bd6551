import type { User } from '../../types';
import type { Store } from '../store/port';

/** A person seen for the first time is a resident. Created in a transaction by id, so never twice. */
export async function ensureUser(store: Store, openid: string, now: Date): Promise<User> {
  const existing = await store.get('users', openid);
  if (existing) return existing;
  return store.transaction(async (tx) => {
    const again = await tx.get('users', openid);
    if (again) return again;
    const user: User = {
      openid,
      role: 'resident',
      scope: null,
      nickname: `居民${openid.slice(-4)}`,
      demoAccount: null,
      createdAt: now.toISOString(),
    };
    await tx.set('users', openid, user);
    return user;
  });
}
