import type { Assessment, AssessmentInputs, AssessmentPeriod, Outlet, Subsidy } from '../../../types';
import { beijingDate } from '../../../types/time';
import { approvedShare, periodOf, previousPeriod, scoreAssessment, type PeriodBounds } from '../../core/assessment';
import { publish, type Deps } from '../../router/define';
import { getManyMap, readAll, type Store } from '../../store/port';
import { supportedOutlets } from './supported';

const PERIOD_KEY = 'assessmentPeriod';

/** How often supported outlets are assessed: the admin's setting, quarterly by default. */
export async function assessmentPeriod(store: Store): Promise<AssessmentPeriod> {
  const doc = await store.get('meta', PERIOD_KEY);
  const v = doc?.value;
  return v === 'month' || v === 'quarter' || v === 'half' || v === 'year' ? v : 'quarter';
}

/** The admin changes how often outlets are assessed; assessments already made keep their own period. */
export async function setAssessmentPeriod(
  { store, now }: Pick<Deps, 'store' | 'now'>,
  { period }: { period: AssessmentPeriod },
): Promise<{ period: AssessmentPeriod }> {
  await store.set('meta', PERIOD_KEY, { key: PERIOD_KEY, value: period, updatedAt: now().toISOString() });
  return { period };
}

/** Gathers the figures of one outlet for [from, until): ratings, 差评, status history, demand, inspections. */
async function inputsOf(store: Store, outlet: Outlet, from: string, until: string): Promise<AssessmentInputs> {
  const agg = await store.get('outletRatings', outlet.id);
  const published = await readAll(store, 'ratings', {
    outletId: outlet.id,
    status: 'published',
    updatedAt: { gte: from, lt: until },
  });
  const trail = await readAll(store, 'outletReviews', { outletId: outlet.id });
  const inPeriod = trail.filter((t) => t.kind === 'status' && t.at >= from && t.at < until);
  const demand = await readAll(store, 'demandReports', { streetCode: outlet.streetCode });
  const firstDay = beijingDate(from);
  const lastDay = beijingDate(new Date(Date.parse(until) - 1));
  const inspections = (await readAll(store, 'inspections', { outletId: outlet.id })).filter(
    (i) => i.date >= firstDay && i.date <= lastDay,
  );
  const checks = inspections.flatMap((i) => i.checks);
  return {
    bayes: agg && agg.count > 0 ? Math.round(agg.bayes * 100) / 100 : null,
    ratingCount: agg?.count ?? 0,
    lowRatings: published.filter((r) => r.stars <= 2).length,
    suspensions: inPeriod.filter((t) => t.to === 'suspended').length,
    closures: inPeriod.filter((t) => t.to === 'closed').length,
    status: outlet.status,
    openShare: Math.round(approvedShare(trail, outlet.status, from, until) * 1000) / 1000,
    demandNear: demand.filter(
      (d) =>
        d.communityCode === outlet.communityCode &&
        outlet.categories.includes(d.category) &&
        d.createdAt >= from &&
        d.createdAt < until,
    ).length,
    inspections: inspections.length,
    checksPassed: checks.filter((c) => c.result === 'pass').length,
    checksRectify: checks.filter((c) => c.result === 'rectify').length,
    checksFailed: checks.filter((c) => c.result === 'fail').length,
  };
}

/** One outlet's assessment for a period, computed up to `until` (the period's end, or now for the current one). */
export async function assessOutlet(
  store: Store,
  outlet: Outlet,
  subsidies: Subsidy[],
  period: AssessmentPeriod,
  bounds: PeriodBounds,
  until: string,
  at: string,
): Promise<Assessment> {
  const inputs = await inputsOf(store, outlet, bounds.from, until);
  const result = scoreAssessment(inputs);
  return {
    id: `${bounds.key}_${outlet.id}`,
    periodKey: bounds.key,
    period,
    from: bounds.from,
    to: bounds.to,
    outletId: outlet.id,
    outletName: outlet.name,
    streetCode: outlet.streetCode,
    businessId: outlet.businessId ?? subsidies[0]?.businessId ?? '',
    subsidyIds: subsidies.map((s) => s.id),
    ...result,
    inputs,
    computedAt: at,
  };
}

/**
 * Assesses every supported outlet for a period. Each assessment's id is `<period key>_<outlet id>`, so running
 * again in the same period replaces (`replace`) or keeps (scheduled runs) the one there is: never a second one. A
 * scheduled run replaces an assessment made before the period ended (the admin's 立即考核 midway). Failed
 * assessments are announced (warnings follow, once per period and outlet).
 */
export async function runAssessments(
  deps: Pick<Deps, 'store' | 'now' | 'subscriptions'>,
  which: 'current' | 'previous',
  replace: boolean,
): Promise<{ periodKey: string; assessed: number; failed: number }> {
  const { store } = deps;
  const now = deps.now();
  const kind = await assessmentPeriod(store);
  const bounds = which === 'current' ? periodOf(kind, now) : previousPeriod(kind, now);
  const until = now.toISOString() < bounds.to ? now.toISOString() : bounds.to;
  const supported = await supportedOutlets(store);
  const outlets = await getManyMap(store, 'outlets', [...supported.keys()]);
  const failed: Assessment[] = [];
  let assessed = 0;
  for (const [outletId, subsidies] of supported) {
    const outlet = outlets.get(outletId);
    if (!outlet) continue;
    const id = `${bounds.key}_${outletId}`;
    const existing = replace ? null : await store.get('assessments', id);
    // A final assessment (computed after the period ended) is kept; its failure is announced again, which raises
    // nothing when it was announced before (a run killed before announcing it is caught up this way).
    if (existing && existing.computedAt >= bounds.to) {
      if (!existing.passed) failed.push(existing);
      continue;
    }
    const a = await assessOutlet(store, outlet, subsidies, kind, bounds, until, now.toISOString());
    await store.set('assessments', id, a);
    assessed++;
    if (!a.passed) failed.push(a);
  }
  await publish(deps as Deps, { type: 'assessed', periodKey: bounds.key, failed, at: now.toISOString() });
  return { periodKey: bounds.key, assessed, failed: failed.length };
}

/** The timer's job: the period that just ended, once (a second run in the same period writes nothing). */
export function scheduledAssessments(deps: Pick<Deps, 'store' | 'now' | 'subscriptions'>) {
  return runAssessments(deps, 'previous', false);
}
