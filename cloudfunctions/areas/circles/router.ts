import { z } from 'zod';
import { CIRCLE_STATUSES } from '../../../types';
import { defineRouter } from '../../router/define';
import { communityCode, empty, id, reachChoice, streetCode } from '../../router/schemas';
import { circleProgress } from './progress';
import { acceptCircles, propose } from './propose';
import { getCircle, listCircles } from './read';
import { updateCircle } from './save';

/** Circles: the plan's ten-minute (and eight-minute) convenience living circles, proposed, accepted and tracked. */
export const circlesRouter = defineRouter('circles', {
  list: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'public',
    handler: (input, ctx) => listCircles(ctx, input),
  },
  get: { input: z.object({ id }), access: 'public', handler: (input, ctx) => getCircle(ctx, input) },
  propose: {
    input: z.object({ minutes: reachChoice, streetCode: streetCode.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => propose(ctx, input),
  },
  save: {
    write: true,
    input: z.discriminatedUnion('op', [
      z.object({ op: z.literal('accept'), minutes: reachChoice, replace: z.boolean().optional() }),
      z.object({
        op: z.literal('update'),
        id,
        name: z.string().trim().min(1, { error: '请填写名称' }).max(40).optional(),
        members: z.array(communityCode).max(60).optional(),
        year: z.union([z.literal(2023), z.literal(2024), z.literal(2025), z.null()]).optional(),
        status: z.enum(CIRCLE_STATUSES).optional(),
        minutes: reachChoice.optional(),
      }),
    ]),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => (input.op === 'accept' ? acceptCircles(ctx, input) : updateCircle(ctx, input)),
  },
  progress: { input: empty, access: 'public', handler: (_input, ctx) => circleProgress(ctx) },
});
