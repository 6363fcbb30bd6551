import { BASIC_CATEGORIES, type Assessment, type DemandReport, type Outlet } from '../../../types';
import { beijingDate } from '../../../types/time';
import { STATUS_NAMES } from '../../core/review';
import { metersBetween, reachMeters } from '../../core/reach';
import { readAll, type Store } from '../../store/port';
import { basicName } from '../coverage';
import { supportingSubsidies } from '../subsidies';
import { raiseWarning } from './raise';
import {
  DEMAND_COUNT,
  gapHolds,
  LOW_SCORE,
  lowRatingsSince,
  MIN_RATINGS,
  openDemandIn,
  overdue,
  REACH_MINUTES,
  REVIEW_DAYS,
  SPIKE_COUNT,
  SPIKE_DAYS,
  warningIds,
} from './rules';

const gone = (o: Pick<Outlet, 'status' | 'temporarilyClosed'> | null) =>
  !o || o.status !== 'approved' || !!o.temporarilyClosed;

/**
 * (a) An approved outlet offering basic services was suspended or closed: every located community within a
 * ten-minute walk of it that no longer reaches one of those services (by the coverage read model, refreshed first)
 * gets a warning naming the community and the service.
 */
export async function serviceGaps(store: Store, outlet: Outlet, before: Outlet | null, now: Date): Promise<number> {
  if (gone(before) || !gone(outlet)) return 0;
  const categories = outlet.categories.filter((c) => (BASIC_CATEGORIES as readonly string[]).includes(c));
  if (categories.length === 0) return 0;
  const point = (before ?? outlet).location.coordinates;
  const near = (await readAll(store, 'communities')).filter(
    (c) => c.location && metersBetween(point, c.location.coordinates) <= reachMeters(REACH_MINUTES),
  );
  let raised = 0;
  for (const community of near)
    for (const category of categories) {
      if (!(await gapHolds(store, community.code, category))) continue;
      const service = basicName(category);
      const ok = await raiseWarning(
        store,
        {
          id: warningIds.serviceGap(community.code, category),
          rule: 'serviceGap',
          streetCode: community.streetCode,
          communityCode: community.code,
          outletId: outlet.id,
          category,
          title: `${community.name}步行 ${REACH_MINUTES} 分钟内已没有${service}服务`,
          evidence: {
            社区: community.name,
            服务: service,
            原网点: outlet.name,
            网点状态:
              outlet.temporarilyClosed && outlet.status === 'approved' ? '暂停营业' : STATUS_NAMES[outlet.status],
            发生日期: beijingDate(now),
          },
        },
        now,
      );
      if (ok) raised++;
    }
  return raised;
}

/** (c) A supported outlet closed. */
export async function supportedClosed(store: Store, outlet: Outlet, before: Outlet | null, now: Date): Promise<number> {
  if (outlet.status !== 'closed' || before?.status === 'closed') return 0;
  const subsidies = await supportingSubsidies(store, outlet);
  if (subsidies.length === 0) return 0;
  const ok = await raiseWarning(
    store,
    {
      id: warningIds.supportedClosed(outlet.id),
      rule: 'supportedClosed',
      streetCode: outlet.streetCode,
      communityCode: outlet.communityCode,
      outletId: outlet.id,
      title: `受补助网点“${outlet.name}”已关闭`,
      evidence: {
        网点: outlet.name,
        补助项目: subsidies.map((s) => s.projectName).join('、'),
        补助金额: `${Math.round(subsidies.reduce((n, s) => n + Math.round(s.amountYuan * 100), 0)) / 100} 元`,
        关闭日期: beijingDate(now),
      },
    },
    now,
  );
  return ok ? 1 : 0;
}

/**
 * (c) Failed assessments of a period: one warning per period and outlet, ever. A failure announced again (a re-run
 * after a job was interrupted, the admin's 立即考核 once more) raises nothing, even when the warning was resolved.
 */
export async function failedAssessments(store: Store, failed: Assessment[], now: Date): Promise<number> {
  let raised = 0;
  for (const a of failed)
    if (
      !(await store.get('warnings', warningIds.assessmentFailed(a.periodKey, a.outletId))) &&
      (await raiseWarning(
        store,
        {
          id: warningIds.assessmentFailed(a.periodKey, a.outletId),
          rule: 'assessmentFailed',
          streetCode: a.streetCode,
          outletId: a.outletId,
          title: `受补助网点“${a.outletName}”${a.periodKey} 考核不合格`,
          evidence: { 网点: a.outletName, 考核期: a.periodKey, 得分: `${a.score} 分`, 原因: a.reasons.join('；') },
        },
        now,
      ))
    )
      raised++;
  return raised;
}

/** (b) A low Bayesian score, or a spike of 1–2 star ratings. */
export async function outletRatingRisks(store: Store, outletId: string, now: Date): Promise<number> {
  const outlet = await store.get('outlets', outletId);
  if (!outlet || outlet.status !== 'approved') return 0;
  let raised = 0;
  const agg = await store.get('outletRatings', outletId);
  if (agg && agg.count >= MIN_RATINGS && agg.bayes < LOW_SCORE) {
    const f = {
      id: warningIds.lowScore(outletId),
      rule: 'lowScore' as const,
      streetCode: outlet.streetCode,
      communityCode: outlet.communityCode,
      outletId,
      title: `“${outlet.name}”评分降至 ${agg.bayes.toFixed(1)} 分`,
      evidence: {
        网点: outlet.name,
        评分: agg.bayes.toFixed(2),
        评价数: String(agg.count),
        预警线: LOW_SCORE.toFixed(1),
      },
    };
    if (await raiseWarning(store, f, now)) raised++;
  }
  const low = await lowRatingsSince(store, outletId, now);
  if (low >= SPIKE_COUNT) {
    const f = {
      id: warningIds.reportSpike(outletId),
      rule: 'reportSpike' as const,
      streetCode: outlet.streetCode,
      communityCode: outlet.communityCode,
      outletId,
      title: `“${outlet.name}”近 ${SPIKE_DAYS} 天差评激增`,
      evidence: { 网点: outlet.name, [`近${SPIKE_DAYS}天差评`]: `${low} 条`, 预警线: `${SPIKE_COUNT} 条` },
    };
    if (await raiseWarning(store, f, now)) raised++;
  }
  return raised;
}

/** (e) Demand reports pile up in one community. */
export async function demandRisk(store: Store, report: Pick<DemandReport, 'streetCode' | 'communityCode'>, now: Date) {
  const n = await openDemandIn(store, report.streetCode, report.communityCode);
  if (n < DEMAND_COUNT) return 0;
  const community = await store.get('communities', report.communityCode);
  const name = community?.name ?? '该社区';
  const ok = await raiseWarning(
    store,
    {
      id: warningIds.demandHigh(report.communityCode),
      rule: 'demandHigh',
      streetCode: report.streetCode,
      communityCode: report.communityCode,
      title: `${name}居民诉求集中：${n} 条未解决`,
      evidence: { 社区: name, 未解决诉求: `${n} 条`, 预警线: `${DEMAND_COUNT} 条` },
    },
    now,
  );
  return ok ? 1 : 0;
}

/** (d) Outlets waiting for review longer than `REVIEW_DAYS`. */
export async function overdueReviews(store: Store, now: Date): Promise<number> {
  const waiting = await readAll(store, 'outlets', { needsReview: true }, { field: 'updatedAt' });
  let raised = 0;
  for (const o of waiting.filter((w) => overdue(w.updatedAt, now))) {
    const ok = await raiseWarning(
      store,
      {
        id: warningIds.reviewOverdue(o.id),
        rule: 'reviewOverdue',
        streetCode: o.streetCode,
        communityCode: o.communityCode,
        outletId: o.id,
        title: `“${o.name}”等待审核已超过 ${REVIEW_DAYS} 天`,
        evidence: { 网点: o.name, 提交日期: beijingDate(o.updatedAt), 时限: `${REVIEW_DAYS} 天` },
      },
      now,
    );
    if (ok) raised++;
  }
  return raised;
}
