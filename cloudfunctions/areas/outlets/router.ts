import { z } from 'zod';
import { OUTLET_STATUSES, PAYMENT_METHODS, SERVICES } from '../../../types';
import { defineRouter } from '../../router/define';
import { category, cursor, id, instant, lat, lng, streetCode } from '../../router/schemas';
import { DEFAULT_MINUTES, nearbyOutlets } from './nearby';
import { getOutlet, searchOutlets } from './read';
import { setOutletStatus } from './set-status';

export const nearbyInput = z.object({
  lng,
  lat,
  minutes: z.number().int().min(1).max(30).default(DEFAULT_MINUTES),
  categories: z.array(category).max(40).optional(),
  /** Only outlets open at this instant ('now' for the current time); open state is evaluated in Beijing time. */
  openAt: z.union([z.literal('now'), instant]).optional(),
  services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
  payment: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length).optional(),
  accessible: z.boolean().optional(),
  cursor: cursor.optional(),
  sort: z.enum(['distance', 'score']).optional(),
});

/** Outlets: what is near a point within a walk, one outlet's page, search by name, and status by reviewers. */
export const outletsRouter = defineRouter('outlets', {
  nearby: { input: nearbyInput, access: 'public', handler: (input, ctx) => nearbyOutlets(ctx, input) },
  get: { input: z.object({ id }), access: 'public', handler: (input, ctx) => getOutlet(ctx, input) },
  setStatus: {
    write: true,
    input: z.object({ id, status: z.enum(OUTLET_STATUSES), reason: z.string().trim().max(200).optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => setOutletStatus(ctx, input),
  },
  search: {
    input: z.object({
      q: z.string().trim().min(1, { error: '请输入要搜索的名称' }).max(30),
      streetCode: streetCode.optional(),
      cursor: cursor.optional(),
    }),
    access: 'public',
    handler: (input, ctx) => searchOutlets(ctx, input),
  },
});
