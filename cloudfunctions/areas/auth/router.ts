import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { communityCode, empty } from '../../router/schemas';
import { devLogin, listDemoAccounts, me, setHome } from './sign-in';

/** Identity: who am I, and (only while dev sign-in is enabled) sign in as a demo account or a fresh resident. */
export const authRouter = defineRouter('auth', {
  me: { input: empty, access: 'public', handler: (_input, ctx) => me(ctx) },
  setHome: {
    write: true,
    input: z.object({ communityCode: communityCode.nullable() }),
    access: 'signedIn',
    handler: (input, ctx) => setHome(ctx, input),
  },
  signOut: {
    input: empty,
    access: 'signedIn',
    handler: async (_input, ctx) => ({ signedOut: ctx.endSession ? await ctx.endSession() : false }),
  },
  demoAccounts: { input: empty, access: 'public', handler: (_input, ctx) => listDemoAccounts(ctx) },
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
        error: '请给出演示账号或新居民编号之一',
      }),
    access: 'public',
    handler: (input, ctx) => devLogin(ctx, input),
  },
});
