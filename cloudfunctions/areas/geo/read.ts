import type { Community, Page, Req, Street } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageCommunity } from '../../core/policy';
import type { Ctx } from '../../router/define';

export async function listStreets({ store }: Ctx): Promise<Street[]> {
  return (await store.query('streets', { orderBy: { field: 'code' } })).items;
}

export async function listCommunities({ store }: Ctx, input: Req<'geo.communities'>): Promise<Page<Community>> {
  return store.query('communities', {
    where: input.streetCode ? { streetCode: input.streetCode } : undefined,
    orderBy: { field: 'code' },
    cursor: input.cursor,
  });
}

export async function getCommunity(
  { store, user }: Ctx,
  { code }: Req<'geo.community'>,
): Promise<{ community: Community; canSetLocation: boolean }> {
  const community = await store.get('communities', code);
  if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'code');
  return { community, canSetLocation: user ? canManageCommunity(user, community) : false };
}
