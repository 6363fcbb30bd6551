import crypto from 'node:crypto';
import type { User } from '../../types';
import type { Store } from '../store/port';

const SECRET_KEY = 'personKeySecret';
let cachedSecret: { store: Store; secret: string } | null = null;

/**
 * The store's secret for keyed hashes of openids: made once (32 random bytes) in a transaction, so every process of
 * every function derives the same keys, and kept in the store's `meta` collection, which no client can read.
 */
async function personKeySecret(store: Store, now: Date): Promise<string> {
  if (cachedSecret?.store === store) return cachedSecret.secret;
  let doc = await store.get('meta', SECRET_KEY);
  if (!doc)
    doc = await store.transaction(async (tx) => {
      const again = await tx.get('meta', SECRET_KEY);
      if (again) return again;
      const made = { key: SECRET_KEY, value: crypto.randomBytes(32).toString('hex'), updatedAt: now.toISOString() };
      await tx.set('meta', SECRET_KEY, made);
      return made;
    });
  cachedSecret = { store, secret: doc.value };
  return doc.value;
}

/**
 * A stable key for a person that reveals nothing of their openid (HMAC-SHA256 under the store's secret, 24 hex
 * characters): for ids that are shown to others (a rating's id) and for default nicknames.
 */
export async function personKey(store: Store, openid: string, now = new Date()): Promise<string> {
  return crypto
    .createHmac('sha256', await personKeySecret(store, now))
    .update(openid)
    .digest('hex')
    .slice(0, 24);
}

/** A person seen for the first time is a resident. Created in a transaction by id, so never twice. */
export async function ensureUser(store: Store, openid: string, now: Date): Promise<User> {
  const existing = await store.get('users', openid);
  if (existing) return existing;
  const key = await personKey(store, openid, now);
  return store.transaction(async (tx) => {
    const again = await tx.get('users', openid);
    if (again) return again;
    const user: User = {
      openid,
      role: 'resident',
      scope: null,
      nickname: `居民${key.slice(0, 4).toUpperCase()}`,
      demoAccount: null,
      createdAt: now.toISOString(),
    };
    await tx.set('users', openid, user);
    return user;
  });
}
