import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { cursor, id, streetCode } from '../../router/schemas';
import { decideReview } from './decide';
import { reviewDetail, reviewQueue } from './queue';

const WORKERS = ['worker', 'admin'] as const;

/** Review of merchants' outlets by a worker of the outlet's street or an admin. */
export const reviewsRouter = defineRouter('reviews', {
  queue: {
    input: z.object({ streetCode: streetCode.optional(), cursor: cursor.optional() }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => reviewQueue(ctx, input),
  },
  get: {
    input: z.object({ outletId: id }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => reviewDetail(ctx, input),
  },
  decide: {
    write: true,
    input: z.object({
      outletId: id,
      decision: z.enum(['approve', 'reject', 'requestChanges', 'suspend', 'reinstate', 'close']),
      reason: z.string().trim().max(200).optional(),
    }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => decideReview(ctx, input),
  },
});
