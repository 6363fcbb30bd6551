import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { communityCode, cursor, empty, lat, lng, streetCode } from '../../router/schemas';
import { STREET_OFFICES, XICHENG_OUTLINE } from './district';
import { importLocationsAction } from './import-locations';
import { importPopulationAction } from './import-population';
import { getCommunity, listCommunities, listStreets } from './read';
import { setCommunityLocation } from './set-location';

/** An uploaded CSV file's text: a district's 263 rows take a few dozen kB; the request must stay under 1 MB. */
const csvText = z.string().min(1, { error: '文件为空' }).max(300_000, { error: '文件过大（至多 30 万字）' });

/** Streets and communities: the real map every other feature hangs off. Reads are open to anyone. */
export const geoRouter = defineRouter('geo', {
  streets: { input: empty, access: 'public', handler: (_input, ctx) => listStreets(ctx) },
  outline: { input: empty, access: 'public', handler: async () => XICHENG_OUTLINE },
  streetOffices: { input: empty, access: 'public', handler: async () => STREET_OFFICES },
  communities: {
    input: z.object({ streetCode: streetCode.optional(), cursor: cursor.optional() }),
    access: 'public',
    handler: (input, ctx) => listCommunities(ctx, input),
  },
  community: {
    input: z.object({ code: communityCode }),
    access: 'public',
    handler: (input, ctx) => getCommunity(ctx, input),
  },
  setCommunityLocation: {
    write: true,
    input: z.object({ communityCode, lng, lat }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => setCommunityLocation(ctx, input),
  },
  importLocations: {
    input: z.object({ csv: csvText, dryRun: z.boolean().optional() }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => importLocationsAction(ctx, input),
  },
  importPopulation: {
    input: z.object({ csv: csvText, dryRun: z.boolean().optional() }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => importPopulationAction(ctx, input),
  },
});
