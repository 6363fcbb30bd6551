import type { Designation, PublicDesignation, Req } from '../../../types';
import { AppError } from '../../core/errors';
import type { Ctx, SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';

const toPublic = ({ by: _by, ...rest }: Designation): PublicDesignation => rest;

/** What a designation names: an approved outlet, a business (its id, or one of its outlets'), or a circle. */
async function target(store: Store, kind: Designation['kind'], id: string) {
  if (kind === 'outlet') {
    const o = await store.get('outlets', id);
    if (!o || o.status !== 'approved') throw new AppError('NOT_FOUND', '未找到该网点（须为已上线网点）', 'targetId');
    return { id, name: o.name, streetCode: o.streetCode };
  }
  if (kind === 'business') {
    const viaOutlet = (await store.get('businesses', id)) ? null : await store.get('outlets', id);
    const b = await store.get('businesses', viaOutlet?.businessId ?? id);
    if (!b) throw new AppError('NOT_FOUND', '未找到该企业（须为登记过营业执照的商户）', 'targetId');
    const outlets = await store.query('outlets', { where: { businessId: b.id }, limit: 1 });
    return { id: b.id, name: b.legalName, streetCode: outlets.items[0]?.streetCode ?? null };
  }
  const c = await store.get('circles', id);
  if (!c) throw new AppError('NOT_FOUND', '未找到该生活圈', 'targetId');
  return { id, name: c.name, streetCode: c.streetCode };
}

/** Every 示范 designation, newest year first (public: no one's id); a business with its approved outlets. */
export async function listDesignations(store: Store): Promise<PublicDesignation[]> {
  const all = await readAll(store, 'designations');
  const out = await Promise.all(
    all.map(async (d) => {
      if (d.kind !== 'business') return toPublic(d);
      const outlets = await readAll(store, 'outlets', { businessId: d.targetId });
      return { ...toPublic(d), outletIds: outlets.filter((o) => o.status === 'approved').map((o) => o.id) };
    }),
  );
  return out.sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : 1));
}

export const designations = ({ store }: Ctx) => listDesignations(store);

/** The admin names a 示范网点 / 示范企业 / 示范便民生活圈 for a year, with the reason (one per target). */
export async function designate(
  { store, now, user }: SignedInCtx,
  { kind, targetId, year, reason }: Req<'supervision.designate'>,
): Promise<PublicDesignation> {
  const t = await target(store, kind, targetId);
  const doc: Designation = {
    id: `${kind}_${t.id}`,
    kind,
    targetId: t.id,
    targetName: t.name,
    streetCode: t.streetCode,
    year,
    reason,
    by: user.openid,
    at: now().toISOString(),
  };
  await store.set('designations', doc.id, doc);
  return toPublic(doc);
}

export async function undesignate({ store }: SignedInCtx, { id }: Req<'supervision.undesignate'>) {
  if (!(await store.get('designations', id))) throw new AppError('NOT_FOUND', '未找到该示范认定', 'id');
  await store.remove('designations', id);
  return { id };
}
