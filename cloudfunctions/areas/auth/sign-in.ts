import type { DemoAccount, Req, User } from '../../../types';
import { AppError } from '../../core/errors';
import type { Ctx, SignedInCtx } from '../../router/define';
import { ensureUser } from '../../router/identity';
import { demoOpenid } from './demo-accounts';

function requireDevLogin(ctx: Ctx): NonNullable<Ctx['issueSession']> {
  if (!ctx.devLogin || !ctx.issueSession) throw new AppError('FORBIDDEN', '演示登录未开启');
  return ctx.issueSession;
}

export async function me({ user, devLogin }: Ctx): Promise<{ user: User | null; devLogin: boolean }> {
  return { user, devLogin };
}

/** The seeded demo accounts (only while dev sign-in is on). */
export async function listDemoAccounts(ctx: Ctx): Promise<DemoAccount[]> {
  requireDevLogin(ctx);
  const page = await ctx.store.query('users', {
    where: { demoAccount: { gt: '' } },
    orderBy: { field: 'demoAccount' },
  });
  return page.items.map((u) => ({ account: u.demoAccount as string, label: u.nickname, role: u.role, scope: u.scope }));
}

/** Dev sign-in: as a demo account, or as a fresh resident with a new openid. */
export async function devLogin(ctx: Ctx, input: Req<'auth.devLogin'>): Promise<{ token: string; user: User }> {
  const issue = requireDevLogin(ctx);
  let user: User;
  if (input.account !== undefined) {
    const found = await ctx.store.get('users', demoOpenid(input.account));
    if (!found) throw new AppError('NOT_FOUND', `没有演示账号 ${input.account}`, 'account');
    user = found;
  } else {
    user = await ensureUser(ctx.store, input.openid as string, ctx.now());
  }
  return { token: await issue(user.openid), user };
}

/** A person says which community they live in (null to clear). */
export async function setHome({ store, openid }: SignedInCtx, { communityCode }: Req<'auth.setHome'>): Promise<User> {
  if (communityCode && !(await store.get('communities', communityCode)))
    throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
  return store.transaction(async (tx) => {
    const u = await tx.get('users', openid);
    if (!u) throw new AppError('NOT_FOUND', '未找到用户');
    const next = { ...u, homeCommunityCode: communityCode };
    await tx.set('users', openid, next);
    return next;
  });
}
