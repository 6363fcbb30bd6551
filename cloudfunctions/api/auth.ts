import { z } from 'zod';
import type { User } from '../../types';
import { AppError } from '../core/errors';
import { demoOpenid } from './seed';
import { defineRouter, type Ctx } from './router';
import { empty } from './schemas';
import { ensureUser } from './users';

function requireDevLogin(ctx: Ctx): (openid: string) => string {
  if (!ctx.devLogin || !ctx.issueSession) throw new AppError('FORBIDDEN', '演示登录未开启');
  return ctx.issueSession;
}

/** Identity: who am I, and (only while dev sign-in is enabled) sign in as a demo account or a fresh resident. */
export const authRouter = defineRouter('auth', {
  me: {
    input: empty,
    access: 'public',
    handler: async (_input, { user, devLogin }) => ({ user, devLogin }),
  },

  setHome: {
    input: z.object({
      communityCode: z
        .string()
        .regex(/^110102\d{6}$/, { error: '应为 12 位西城区社区代码' })
        .nullable(),
    }),
    access: 'signedIn',
    handler: async ({ communityCode }, { store, openid }) => {
      if (communityCode && !(await store.get('communities', communityCode)))
        throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
      return store.transaction(async (tx) => {
        const u = await tx.get('users', openid);
        if (!u) throw new AppError('NOT_FOUND', '未找到用户');
        const next = { ...u, homeCommunityCode: communityCode };
        await tx.set('users', openid, next);
        return next;
      });
    },
  },

  demoAccounts: {
    input: empty,
    access: 'public',
    handler: async (_input, ctx) => {
      requireDevLogin(ctx);
      const page = await ctx.store.query('users', {
        where: { demoAccount: { gt: '' } },
        orderBy: { field: 'demoAccount' },
      });
      return page.items.map((u) => ({
        account: u.demoAccount as string,
        label: u.nickname,
        role: u.role,
        scope: u.scope,
      }));
    },
  },

  devLogin: {
    input: z
      .object({
        account: z.string().min(1).max(64).optional(),
        openid: z
          .string()
          .regex(/^[A-Za-z0-9_-]{3,64}$/, { error: '应为 3–64 位字母、数字、下划线或连字符' })
          .optional(),
      })
      .refine((v) => (v.account === undefined) !== (v.openid === undefined), {
        error: '请给出 account（演示账号）或 openid（新居民）之一',
      }),
    access: 'public',
    handler: async (input, ctx) => {
      const issue = requireDevLogin(ctx);
      let user: User;
      if (input.account !== undefined) {
        const found = await ctx.store.get('users', demoOpenid(input.account));
        if (!found) throw new AppError('NOT_FOUND', `没有演示账号 ${input.account}`, 'account');
        user = found;
      } else {
        user = await ensureUser(ctx.store, input.openid as string, ctx.now());
      }
      return { token: issue(user.openid), user };
    },
  },
});
