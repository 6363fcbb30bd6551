import type { Community, Page, Req, Street } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageCommunity } from '../../core/policy';
import type { Ctx } from '../../router/define';

export async function listStreets({ store }: Ctx): Promise<Street[]> {
  return (await store.query('streets', { orderBy: { field: 'code' } })).items;
}

/**
 * Who set a location or a population figure is an openid: only those who manage the community see it (public reads
 * carry nobody's identifier); everyone sees the source and when.
 */
export function projectCommunity(c: Community, user: Ctx['user']): Community {
  if (user && canManageCommunity(user, c)) return c;
  return { ...c, locationSetBy: null, ...(c.populationSetBy ? { populationSetBy: null } : {}) };
}

export async function listCommunities({ store, user }: Ctx, input: Req<'geo.communities'>): Promise<Page<Community>> {
  const page = await store.query('communities', {
    where: input.streetCode ? { streetCode: input.streetCode } : undefined,
    orderBy: { field: 'code' },
    cursor: input.cursor,
  });
  return { ...page, items: page.items.map((c) => projectCommunity(c, user)) };
}

export async function getCommunity(
  { store, user }: Ctx,
  { code }: Req<'geo.community'>,
): Promise<{ community: Community; canSetLocation: boolean }> {
  const community = await store.get('communities', code);
  if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'code');
  return {
    community: projectCommunity(community, user),
    canSetLocation: user ? canManageCommunity(user, community) : false,
  };
}
