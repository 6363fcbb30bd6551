import type { RiskWarning } from '../../../types';
import { addMinutes } from '../../../types/time';
import { readAll, type Store } from '../../store/port';
import { basicName, loadCoverage, missingOf } from '../coverage';

/** The walk a community must reach a basic service within (the ten-minute circle). */
export const REACH_MINUTES = 10;
/** A rated outlet (at least `MIN_RATINGS`) whose Bayesian score is below this is warned about. */
export const LOW_SCORE = 3.0;
export const MIN_RATINGS = 3;
/** This many published 1–2 star ratings within `SPIKE_DAYS` is a spike of complaints (差评激增). */
export const SPIKE_COUNT = 3;
export const SPIKE_DAYS = 7;
/** An outlet waiting for review longer than this many days. */
export const REVIEW_DAYS = 7;
/** Open demand reports (缺什么补什么) in one community at or above this. */
export const DEMAND_COUNT = 5;

/** Deterministic ids: one warning per rule and subject. */
export const warningIds = {
  serviceGap: (communityCode: string, category: string) => `gap_${communityCode}_${category}`,
  lowScore: (outletId: string) => `score_${outletId}`,
  reportSpike: (outletId: string) => `reports_${outletId}`,
  supportedClosed: (outletId: string) => `closed_${outletId}`,
  assessmentFailed: (periodKey: string, outletId: string) => `assess_${periodKey}_${outletId}`,
  reviewOverdue: (outletId: string) => `review_${outletId}`,
  demandHigh: (communityCode: string) => `demand_${communityCode}`,
};

export const gapHolds = async (store: Store, communityCode: string, category: string) =>
  missingOf((await loadCoverage(store)).get(communityCode), REACH_MINUTES).includes(category);

export async function lowRatingsSince(store: Store, outletId: string, now: Date): Promise<number> {
  const since = addMinutes(now, -SPIKE_DAYS * 24 * 60);
  const recent = await readAll(store, 'ratings', { outletId, status: 'published', updatedAt: { gte: since } });
  return recent.filter((r) => r.stars <= 2).length;
}

export async function openDemandIn(store: Store, streetCode: string, communityCode: string): Promise<number> {
  const reports = await readAll(store, 'demandReports', { streetCode });
  return reports.filter((r) => r.communityCode === communityCode && r.status !== 'resolved').length;
}

/** Whether a review wait began more than `REVIEW_DAYS` before `now`. */
export const overdue = (since: string, now: Date) => since < addMinutes(now, -REVIEW_DAYS * 24 * 60);

/**
 * Whether the condition a warning was raised for still holds, re-read now, with a sentence saying so; null for
 * warnings about something that happened (a closure, a failed assessment), which a note resolves.
 */
export async function stillHolds(
  store: Store,
  w: RiskWarning,
  now: Date,
): Promise<{ holds: boolean | null; check: string }> {
  const outlet = w.outletId ? await store.get('outlets', w.outletId) : null;
  switch (w.rule) {
    case 'serviceGap': {
      const communityCode = w.communityCode ?? '';
      const category = w.category ?? '';
      const holds = await gapHolds(store, communityCode, category);
      const name = w.evidence['社区'] ?? communityCode;
      return holds
        ? {
            holds,
            check: `${name}步行 ${REACH_MINUTES} 分钟内仍没有${basicName(category)}服务，批准替代网点后可标记已处理`,
          }
        : { holds, check: `${name}已能在步行 ${REACH_MINUTES} 分钟内获得${basicName(category)}服务，可以标记已处理` };
    }
    case 'lowScore': {
      const agg = outlet ? await store.get('outletRatings', outlet.id) : null;
      const holds = !!agg && agg.count >= MIN_RATINGS && agg.bayes < LOW_SCORE;
      return { holds, check: holds ? `评分仍低于 ${LOW_SCORE.toFixed(1)} 分` : '评分已回升，可以标记已处理' };
    }
    case 'reportSpike': {
      const n = outlet ? await lowRatingsSince(store, outlet.id, now) : 0;
      const holds = n >= SPIKE_COUNT;
      return { holds, check: holds ? `近 ${SPIKE_DAYS} 天仍有 ${n} 条差评` : '差评已回落，可以标记已处理' };
    }
    case 'reviewOverdue': {
      const holds = !!outlet?.needsReview && overdue(outlet.updatedAt, now);
      return { holds, check: holds ? '该网点仍在等待审核' : '该网点已审核，可以标记已处理' };
    }
    case 'demandHigh': {
      const n = w.communityCode ? await openDemandIn(store, w.streetCode, w.communityCode) : 0;
      const holds = n >= DEMAND_COUNT;
      return { holds, check: holds ? `该社区仍有 ${n} 条未解决的诉求` : '未解决的诉求已减少，可以标记已处理' };
    }
    default:
      return { holds: null, check: '填写处理说明后即可标记已处理' };
  }
}
