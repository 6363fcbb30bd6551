import type { Outlet, Subsidy } from '../../../types';
import { readAll, type Store } from '../../store/port';

/** The live (not revoked) records of support that name this outlet. */
export async function supportingSubsidies(store: Store, outlet: Pick<Outlet, 'id' | 'businessId'>): Promise<Subsidy[]> {
  if (!outlet.businessId) return [];
  const all = await readAll(store, 'subsidies', { businessId: outlet.businessId });
  return all.filter((s) => s.status !== 'revoked' && s.outletIds.includes(outlet.id));
}

/** Every supported outlet id, with the records that support it (a job's read: all records, page by page). */
export async function supportedOutlets(store: Store): Promise<Map<string, Subsidy[]>> {
  const out = new Map<string, Subsidy[]>();
  for (const s of await readAll(store, 'subsidies')) {
    if (s.status === 'revoked') continue;
    for (const id of s.outletIds) out.set(id, [...(out.get(id) ?? []), s]);
  }
  return out;
}
