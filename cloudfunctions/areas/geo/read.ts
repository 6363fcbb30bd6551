import type { Community, Page, Req, Street } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageCommunity } from '../../core/policy';
import type { Ctx } from '../../router/define';

/** A community as anyone may see it: who set its location stays in the record, not in public reads. */
const publicCommunity = (c: Community): Community => ({ ...c, locationSetBy: null });

export async function listStreets({ store }: Ctx): Promise<Street[]> {
  return (await store.query('streets', { orderBy: { field: 'code' } })).items;
}

export async function listCommunities({ store }: Ctx, input: Req<'geo.communities'>): Promise<Page<Community>> {
  const page = await store.query('communities', {
    where: input.streetCode ? { streetCode: input.streetCode } : undefined,
    orderBy: { field: 'code' },
    cursor: input.cursor,
  });
  return { items: page.items.map(publicCommunity), nextCursor: page.nextCursor };
}

export async function getCommunity(
  { store, user }: Ctx,
  { code }: Req<'geo.community'>,
): Promise<{ community: Community; canSetLocation: boolean }> {
  const community = await store.get('communities', code);
  if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'code');
  return { community: publicCommunity(community), canSetLocation: user ? canManageCommunity(user, community) : false };
}
