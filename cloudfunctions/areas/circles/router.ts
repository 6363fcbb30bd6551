import { z } from 'zod';
import { CIRCLE_STATUSES } from '../../../types';
import { defineRouter } from '../../router/define';
import { communityCode, empty, id, reachChoice, streetCode } from '../../router/schemas';
import { importPlanAction } from './import-plan';
import { setPilot } from './pilot';
import { circleProgress } from './progress';
import { acceptCircles, propose } from './propose';
import { getCircle, listCircles } from './read';
import { updateCircle } from './save';

/** An uploaded CSV file's text: a district's plan takes a few dozen kB; the request must stay under 1 MB. */
const csvText = z.string().min(1, { error: '文件为空' }).max(300_000, { error: '文件过大（至多 30 万字）' });
const fromFifteen = z.literal('fifteen', { error: '只支持从 15 分钟生活圈拆分（fifteen）' });

/** Circles: the plan's ten-minute (and eight-minute) convenience living circles, proposed, accepted and tracked. */
export const circlesRouter = defineRouter('circles', {
  list: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'public',
    handler: (input, ctx) => listCircles(ctx, input),
  },
  get: { input: z.object({ id }), access: 'public', handler: (input, ctx) => getCircle(ctx, input) },
  propose: {
    input: z.object({
      minutes: reachChoice.optional(),
      streetCode: streetCode.optional(),
      from: fromFifteen.optional(),
      merge: z.boolean().optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => propose(ctx, input),
  },
  // Accepting a whole proposal is the admin's; a worker of the circle's street may move communities (see save.ts).
  save: {
    write: true,
    input: z.discriminatedUnion('op', [
      z.object({
        op: z.literal('accept'),
        minutes: reachChoice,
        replace: z.boolean().optional(),
        from: fromFifteen.optional(),
        merge: z.boolean().optional(),
      }),
      z
        .object({
          op: z.literal('update'),
          id,
          name: z.string().trim().min(1, { error: '请填写名称' }).max(40).optional(),
          members: z.array(communityCode).max(60).optional(),
          addMembers: z.array(communityCode).min(1).max(60).optional(),
          year: z.union([z.literal(2023), z.literal(2024), z.literal(2025), z.null()]).optional(),
          status: z.enum(CIRCLE_STATUSES).optional(),
          minutes: reachChoice.optional(),
          override: z
            .string()
            .trim()
            .min(2, { error: '请填写标记为已建成的理由' })
            .max(200, { error: '理由至多 200 字' })
            .optional(),
        })
        .refine((x) => !(x.members && x.addMembers), {
          error: '请只填写成员名单或要加入的社区之一',
          path: ['addMembers'],
        }),
    ]),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => (input.op === 'accept' ? acceptCircles(ctx, input) : updateCircle(ctx, input)),
  },
  importPlan: {
    input: z.object({ csv: csvText, dryRun: z.boolean().optional() }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => importPlanAction(ctx, input),
  },
  setPilot: {
    input: z
      .object({ id: id.optional(), streetCode: streetCode.optional(), pilot: z.boolean({ error: '请选择是否为试点' }) })
      .refine((x) => (x.id === undefined) !== (x.streetCode === undefined), {
        error: '请指定一个生活圈（id）或一个街道（streetCode），二者选一',
        path: ['id'],
      }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => setPilot(ctx, input),
  },
  progress: { input: empty, access: 'public', handler: (_input, ctx) => circleProgress(ctx) },
});
