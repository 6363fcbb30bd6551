import { z } from 'zod';
import type { Community } from '../../types';
import { AppError } from '../core/errors';
import { contains, point } from '../core/geo';
import { canManageCommunity } from '../core/policy';
import { refreshCommunityCoverage } from './coverage-model';
import { XICHENG, XICHENG_OUTLINE } from './district';
import { defineRouter } from './router';
import { communityCode, cursor, empty, lat, lng, streetCode } from './schemas';

/** Streets and communities: the real map every other feature hangs off. Reads are open to anyone. */
export const geoRouter = defineRouter('geo', {
  streets: {
    input: empty,
    access: 'public',
    handler: async (_input, { store }) => (await store.query('streets', { orderBy: { field: 'code' } })).items,
  },

  outline: {
    input: empty,
    access: 'public',
    handler: async () => XICHENG_OUTLINE,
  },

  communities: {
    input: z.object({ streetCode: streetCode.optional(), cursor: cursor.optional() }),
    access: 'public',
    handler: async (input, { store }) =>
      store.query('communities', {
        where: input.streetCode ? { streetCode: input.streetCode } : undefined,
        orderBy: { field: 'code' },
        cursor: input.cursor,
      }),
  },

  community: {
    input: z.object({ code: communityCode }),
    access: 'public',
    handler: async ({ code }, { store, user }) => {
      const community = await store.get('communities', code);
      if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'code');
      return { community, canSetLocation: user ? canManageCommunity(user, community) : false };
    },
  },

  /**
   * A worker of the community's street (or of the community itself) or an admin sets its point. The point must
   * lie inside the district's real outline. The street's located-count changes in the same transaction.
   */
  setCommunityLocation: {
    input: z.object({ communityCode, lng, lat }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ communityCode: code, lng: x, lat: y }, { store, user, now }) => {
      if (!contains(XICHENG, x, y))
        throw new AppError('OUTSIDE_DISTRICT', '该位置不在西城区范围内，请检查经纬度（GCJ-02）');
      const saved = await store.transaction(async (tx) => {
        const c = await tx.get('communities', code);
        if (!c) throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
        if (!canManageCommunity(user, c)) throw new AppError('FORBIDDEN', '只能设置本街道（社区）范围内社区的位置');
        const updated: Community = {
          ...c,
          location: point(x, y),
          locationSource: 'worker',
          locationSetBy: user.openid,
          locationSetAt: now().toISOString(),
        };
        await tx.set('communities', code, updated);
        if (!c.location) {
          const street = await tx.get('streets', c.streetCode);
          if (street) await tx.update('streets', street.code, { locatedCount: street.locatedCount + 1 });
        }
        return updated;
      });
      // The community's coverage is computed now that it can be counted.
      await refreshCommunityCoverage(store, saved, now());
      return saved;
    },
  },
});
