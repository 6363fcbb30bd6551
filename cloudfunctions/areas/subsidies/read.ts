import type { Page, PublicSubsidy, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { getManyMap } from '../../store/port';
import { listStreet, publicSubsidy, seesStreet, supervised } from './access';

/** Records of support, newest first: an admin's all (or one street's), a worker's own street's. */
export async function listSubsidies(
  { store, user }: SignedInCtx,
  { streetCode, cursor }: Req<'subsidies.list'>,
): Promise<Page<PublicSubsidy>> {
  const street = listStreet(user, streetCode);
  const page = await store.query('subsidies', {
    where: street ? { streetCodes: { anyOf: [street] } } : undefined,
    orderBy: { field: 'updatedAt', direction: 'desc' },
    cursor: cursor ?? null,
    limit: 20,
  });
  return { ...page, items: page.items.map(publicSubsidy) };
}

/** One record with its outlets and each outlet's latest assessment. */
export async function getSubsidy(
  { store, user }: SignedInCtx,
  { id }: Req<'subsidies.get'>,
): Promise<Res<'subsidies.get'>> {
  const subsidy = await store.get('subsidies', id);
  if (!subsidy || !seesStreet(user, subsidy.streetCodes)) throw new AppError('NOT_FOUND', '未找到该补助记录', 'id');
  const outlets = await getManyMap(store, 'outlets', subsidy.outletIds);
  const rows = [];
  for (const outletId of subsidy.outletIds) {
    const o = outlets.get(outletId);
    if (!o) continue;
    const latest = await store.query('assessments', {
      where: { outletId },
      orderBy: { field: 'periodKey', direction: 'desc' },
      limit: 1,
    });
    rows.push({ ...supervised(o), latest: latest.items[0] ?? null });
  }
  return { subsidy: publicSubsidy(subsidy), outlets: rows };
}
