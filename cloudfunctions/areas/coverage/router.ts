import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { category, instant, minutesChoice, streetCode } from '../../router/schemas';
import { communityGaps } from './gaps';
import { coverageReport } from './report';
import { sitingSuggestions } from './siting';

/** Coverage: the convenience index, each community's gaps, and where a new outlet would close the most gaps. */
export const coverageRouter = defineRouter('coverage', {
  report: {
    input: z.object({ minutes: minutesChoice.optional(), openAt: instant.optional(), streetCode: streetCode.optional() }),
    access: 'public',
    handler: (input, ctx) => coverageReport(ctx, input),
  },
  gaps: {
    input: z.object({ streetCode: streetCode.optional(), minutes: minutesChoice.optional() }),
    access: 'public',
    handler: (input, ctx) => communityGaps(ctx, input),
  },
  siting: {
    input: z.object({
      category,
      k: z.number().int().min(1).max(10),
      minutes: minutesChoice.optional(),
      streetCode: streetCode.optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => sitingSuggestions(ctx, input),
  },
});
