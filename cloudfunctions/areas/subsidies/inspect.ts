import crypto from 'node:crypto';
import type { Inspection, PublicInspection, Req, Res } from '../../../types';
import { beijingDate } from '../../../types/time';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';
import { publicInspection, seesStreet, supervised } from './access';
import { supportingSubsidies } from './supported';

/** A worker of the outlet's street (or an admin) records an inspection: each check with its result, a date and a note. */
export async function recordInspection(
  { store, user, now }: SignedInCtx,
  input: Req<'subsidies.inspect'>,
): Promise<PublicInspection> {
  const outlet = await store.get('outlets', input.outletId);
  if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
  if (!seesStreet(user, [outlet.streetCode])) throw new AppError('FORBIDDEN', '只能检查本街道的网点');
  if (input.date > beijingDate(now())) throw new AppError('INVALID_INPUT', '检查日期不能晚于今天', 'date');
  const kinds = input.checks.map((c) => c.check);
  if (new Set(kinds).size !== kinds.length) throw new AppError('INVALID_INPUT', '同一检查项只能填写一次', 'checks');
  // The id comes from who recorded what: the same inspection sent twice (a retried request) is one record.
  const key = JSON.stringify([outlet.id, user.openid, input.date, input.checks, input.note ?? '']);
  const inspection: Inspection = {
    id: `insp-${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}`,
    outletId: outlet.id,
    outletName: outlet.name,
    streetCode: outlet.streetCode,
    date: input.date,
    checks: input.checks,
    note: input.note ?? '',
    by: user.openid,
    byName: user.nickname,
    createdAt: now().toISOString(),
  };
  const saved = await store.transaction(async (tx) => {
    const before = await tx.get('inspections', inspection.id);
    if (before) return before;
    await tx.set('inspections', inspection.id, inspection);
    return inspection;
  });
  return publicInspection(saved);
}

/** One outlet's inspections and assessments, newest first (workers of its street and admins). */
export async function outletSupervision(
  { store, user }: SignedInCtx,
  { outletId }: Req<'subsidies.outlet'>,
): Promise<Res<'subsidies.outlet'>> {
  const outlet = await store.get('outlets', outletId);
  if (!outlet || !seesStreet(user, [outlet.streetCode])) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
  const inspections = await store.query('inspections', {
    where: { outletId },
    orderBy: { field: 'date', direction: 'desc' },
    limit: 50,
  });
  const assessments = await readAll(store, 'assessments', { outletId }, { field: 'periodKey', direction: 'desc' });
  return {
    outlet: supervised(outlet),
    supported: (await supportingSubsidies(store, outlet)).length > 0,
    inspections: inspections.items.map(publicInspection),
    assessments,
  };
}
