import { z } from 'zod';
import { DEMAND_STATUSES } from '../../../types';
import { defineRouter } from '../../router/define';
import { category, communityCode, empty, id, lat, lng, streetCode } from '../../router/schemas';
import { groupedDemand, updateDemand } from './handle';
import { myDemand, reportDemand } from './report';

const WORKERS = ['worker', 'admin'] as const;

/** Demand reports (缺什么补什么): residents say what is missing; workers of the street answer. */
export const demandRouter = defineRouter('demand', {
  report: {
    write: true,
    input: z.object({
      category,
      communityCode: communityCode.optional(),
      lng: lng.optional(),
      lat: lat.optional(),
      note: z.string().trim().max(300).default(''),
    }),
    access: 'signedIn',
    handler: (input, ctx) => reportDemand(ctx, input),
  },
  mine: { input: empty, access: 'signedIn', handler: (_input, ctx) => myDemand(ctx) },
  grouped: {
    input: z.object({ streetCode }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => groupedDemand(ctx, input),
  },
  update: {
    write: true,
    input: z.object({ id, status: z.enum(DEMAND_STATUSES), reply: z.string().trim().max(300).optional() }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => updateDemand(ctx, input),
  },
});
