import type { DemoAccount, Street, User } from '../../../types';
import type { Store } from '../../store/port';

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

/**
 * Writes the demo accounts (usable only through dev sign-in, which production never enables). Existing ones are
 * left as they are. Only the local server and tests call this; production seeding does not.
 */
export async function seedDemoAccounts(
  store: Store,
  streets: Street[],
  firstCommunity: { code: string; name: string; streetCode: string } | undefined,
  now: Date,
): Promise<number> {
  const accounts = demoAccounts(streets, firstCommunity);
  const existing = await store.getMany(
    'users',
    accounts.map((a) => demoOpenid(a.account)),
  );
  for (const [i, a] of accounts.entries()) {
    if (existing[i]) continue;
    const openid = demoOpenid(a.account);
    const user: User = {
      openid,
      role: a.role,
      scope: a.scope,
      nickname: a.label,
      demoAccount: a.account,
      createdAt: now.toISOString(),
    };
    await store.transaction(async (tx) => {
      if (!(await tx.get('users', openid))) await tx.set('users', openid, user);
    });
  }
  return accounts.length;
}
