import type { DemoAccount, Street } from '../../types';
import type { CollectionName, Collections, Store } from '../store/port';
import type { Reference } from './reference';

/** Demo accounts for dev sign-in: a resident, a merchant, an admin, a worker per street and one community worker. */
export function demoAccounts(
  streets: Street[],
  firstCommunity?: { code: string; name: string; streetCode: string },
): DemoAccount[] {
  const list: DemoAccount[] = [
    { account: 'resident', label: '演示居民', role: 'resident', scope: null },
    { account: 'merchant', label: '演示商户', role: 'merchant', scope: null },
    { account: 'admin', label: '演示区商务局管理员', role: 'admin', scope: null },
  ];
  for (const s of streets)
    list.push({
      account: `worker-${s.code}`,
      label: `演示街道工作人员（${s.name}）`,
      role: 'worker',
      scope: { kind: 'street', streetCode: s.code },
    });
  if (firstCommunity)
    list.push({
      account: `worker-community-${firstCommunity.code}`,
      label: `演示社区工作者（${firstCommunity.name}）`,
      role: 'worker',
      scope: { kind: 'community', communityCode: firstCommunity.code, streetCode: firstCommunity.streetCode },
    });
  return list;
}

/** Demo openids carry a colon, which real openids and dev sign-in ids never do, so they cannot be claimed. */
export const demoOpenid = (account: string) => `demo:${account}`;

export interface SeedResult {
  streets: number;
  communities: number;
  demoUsers: number;
  created: number;
}

/**
 * Writes the reference streets and communities and the demo accounts (usable only through dev sign-in).
 * Idempotent: a document that exists is
 * left as it is (so a location set by a worker survives a restart), and the street counters are only set
 * when the street is first written.
 */
export async function seedReference(store: Store, ref: Reference, now: Date): Promise<SeedResult> {
  let created = 0;
  const createIfMissing = async <C extends CollectionName>(collection: C, id: string, doc: Collections[C]) =>
    store.transaction(async (tx) => {
      if (await tx.get(collection, id)) return;
      await tx.set(collection, id, doc);
      created++;
    });

  for (const c of ref.communities) await createIfMissing('communities', c.code, c);
  for (const s of ref.streets) await createIfMissing('streets', s.code, s);
  let demoUsers = 0;
  for (const a of demoAccounts(ref.streets, ref.communities[0])) {
    const openid = demoOpenid(a.account);
    await createIfMissing('users', openid, {
      openid,
      role: a.role,
      scope: a.scope,
      nickname: a.label,
      demoAccount: a.account,
      createdAt: now.toISOString(),
    });
    demoUsers++;
  }
  await store.set('meta', 'seed', { key: 'seed', value: 'reference-v1', updatedAt: now.toISOString() });
  return { streets: ref.streets.length, communities: ref.communities.length, demoUsers, created };
}
