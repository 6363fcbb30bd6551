import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { cursor, id, streetCode } from '../../router/schemas';
import { moderateRating, ratingQueue, replyToRating, reportRating } from './moderate';
import { listRatings, myRatings } from './read';
import { submitRating } from './submit';

const score = z.number().int().min(1).max(5);
const ratingRef = z.string().min(1).max(140);
const WORKERS = ['worker', 'admin'] as const;

/** Ratings and reviews: one per person per outlet, Bayesian scores, moderation, reports and merchant replies. */
export const ratingsRouter = defineRouter('ratings', {
  submit: {
    write: true,
    input: z.object({
      outletId: id,
      stars: score,
      dimensions: z
        .object({
          quality: score.optional(),
          price: score.optional(),
          service: score.optional(),
          environment: score.optional(),
        })
        .optional(),
      text: z.string().trim().max(500, { error: '评价不超过 500 字' }).optional(),
    }),
    access: 'signedIn',
    handler: (input, ctx) => submitRating(ctx, input),
  },
  list: {
    input: z.object({ outletId: id, cursor: cursor.optional() }),
    access: 'public',
    handler: (input, ctx) => listRatings(ctx, input),
  },
  mine: {
    input: z.object({ outletId: id.optional() }),
    access: 'signedIn',
    handler: (input, ctx) => myRatings(ctx, input),
  },
  report: {
    write: true,
    input: z.object({ ratingId: ratingRef, reason: z.string().trim().max(200).optional() }),
    access: 'signedIn',
    handler: (input, ctx) => reportRating(ctx, input),
  },
  queue: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => ratingQueue(ctx, input),
  },
  moderate: {
    write: true,
    input: z.object({ ratingId: ratingRef, decision: z.enum(['publish', 'remove']) }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => moderateRating(ctx, input),
  },
  reply: {
    write: true,
    input: z.object({ ratingId: ratingRef, text: z.string().trim().min(1, { error: '请填写回复' }).max(300) }),
    access: 'signedIn',
    handler: (input, ctx) => replyToRating(ctx, input),
  },
});
