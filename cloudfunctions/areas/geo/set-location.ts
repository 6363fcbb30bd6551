import type { Community, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import { canManageCommunity } from '../../core/policy';
import { publish, type SignedInCtx } from '../../router/define';
import { XICHENG } from './district';

/**
 * A worker of the community's street (or of the community itself) or an admin sets its point. The point must lie
 * inside the district's real outline. The street's located-count changes in the same transaction; coverage hears
 * of the new location.
 */
export async function setCommunityLocation(
  ctx: SignedInCtx,
  { communityCode: code, lng, lat }: Req<'geo.setCommunityLocation'>,
): Promise<Community> {
  const { store, user, now } = ctx;
  if (!contains(XICHENG, lng, lat))
    throw new AppError('OUTSIDE_DISTRICT', '该位置不在西城区范围内，请检查经纬度（GCJ-02）');
  const at = now().toISOString();
  const saved = await store.transaction(async (tx) => {
    const c = await tx.get('communities', code);
    if (!c) throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
    if (!canManageCommunity(user, c)) throw new AppError('FORBIDDEN', '只能设置本街道（社区）范围内社区的位置');
    const updated: Community = {
      ...c,
      location: point(lng, lat),
      locationSource: 'worker',
      locationSetBy: user.openid,
      locationSetAt: at,
    };
    await tx.set('communities', code, updated);
    if (!c.location) {
      const street = await tx.get('streets', c.streetCode);
      if (street) await tx.update('streets', street.code, { locatedCount: street.locatedCount + 1 });
    }
    return updated;
  });
  await publish(ctx, { type: 'communityLocated', community: saved, at });
  return saved;
}
