import type { DemoAccount, Req, User } from '../../../types';
import { AppError } from '../../core/errors';
import { addMinutes, beijingDateTime } from '../../../types/time';
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

/** After the home community is first set, it can change once in this many days. */
export const HOME_CHANGE_DAYS = 30;

/**
 * A person says which community they live in (null to clear). Surveys of a community or street are answered by its
 * residents, so after the first choice the home can change (or be cleared) at most once in 30 days.
 */
export async function setHome(
  { store, openid, now }: SignedInCtx,
  { communityCode }: Req<'auth.setHome'>,
): Promise<User> {
  if (communityCode && !(await store.get('communities', communityCode)))
    throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
  const at = now();
  return store.transaction(async (tx) => {
    const u = await tx.get('users', openid);
    if (!u) throw new AppError('NOT_FOUND', '未找到用户');
    if ((u.homeCommunityCode ?? null) === communityCode) return u;
    if (u.homeSetAt) {
      const allowedAt = addMinutes(u.homeSetAt, HOME_CHANGE_DAYS * 24 * 60);
      if (at.toISOString() < allowedAt)
        throw new AppError(
          'RATE_LIMITED',
          `所在社区 30 天内只能更改一次，${beijingDateTime(allowedAt)} 后可再更改`,
          'communityCode',
        );
    }
    const next: User = { ...u, homeCommunityCode: communityCode, homeSetAt: at.toISOString() };
    await tx.set('users', openid, next);
    return next;
  });
}
