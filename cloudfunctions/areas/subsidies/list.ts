import type { Req, Res } from '../../../types';
import { periodOf } from '../../core/assessment';
import type { SignedInCtx } from '../../router/define';
import { listStreet } from './access';
import { assessmentPeriod } from './assess';

/** Assessments of a period (the current one by default), lowest score first: an admin's all, a worker's street's. */
export async function listAssessments(
  { store, user, now }: SignedInCtx,
  { periodKey, streetCode, cursor }: Req<'subsidies.assessments'>,
): Promise<Res<'subsidies.assessments'>> {
  const street = listStreet(user, streetCode);
  const period = await assessmentPeriod(store);
  const current = periodOf(period, now());
  const key = periodKey ?? current.key;
  const page = await store.query('assessments', {
    where: street ? { periodKey: key, streetCode: street } : { periodKey: key },
    orderBy: { field: 'score', direction: 'asc' },
    cursor: cursor ?? null,
    limit: 50,
  });
  return {
    period,
    periodKey: key,
    label: key === current.key ? current.label : key,
    items: page.items,
    nextCursor: page.nextCursor,
  };
}
