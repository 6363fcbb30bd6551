import type { AssessmentInputs, AssessmentPeriod, OutletReview, OutletStatus } from '../../types';
import { beijing, fromBeijing } from '../../types/time';

/** A period of assessment: its key (`2026Q4`, `2026-11`, `2026H2`, `2026`), words and bounds (UTC instants). */
export interface PeriodBounds {
  key: string;
  label: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of the given kind that holds `at`, in Beijing time (a quarter starts on 1 Jan, 1 Apr, 1 Jul, 1 Oct). */
export function periodOf(kind: AssessmentPeriod, at: Date): PeriodBounds {
  const b = beijing(at);
  const year = b.year();
  const month = b.month() + 1;
  const span = { month: 1, quarter: 3, half: 6, year: 12 }[kind];
  const first = Math.floor((month - 1) / span) * span + 1;
  const endMonth = first + span;
  const from = fromBeijing(`${year}-${pad(first)}-01`, '00:00');
  const to =
    endMonth > 12 ? fromBeijing(`${year + 1}-01-01`, '00:00') : fromBeijing(`${year}-${pad(endMonth)}-01`, '00:00');
  const index = (first - 1) / span + 1;
  const key =
    kind === 'month'
      ? `${year}-${pad(first)}`
      : kind === 'quarter'
        ? `${year}Q${index}`
        : kind === 'half'
          ? `${year}H${index}`
          : `${year}`;
  const label =
    kind === 'month'
      ? `${year}年${first}月`
      : kind === 'quarter'
        ? `${year}年第${index}季度`
        : kind === 'half'
          ? `${year}年${index === 1 ? '上' : '下'}半年`
          : `${year}年`;
  return { key, label, from, to };
}

/** The period just before the one holding `at` (what the scheduled job assesses once it has ended). */
export function previousPeriod(kind: AssessmentPeriod, at: Date): PeriodBounds {
  const current = periodOf(kind, at);
  return periodOf(kind, new Date(Date.parse(current.from) - 1));
}

/**
 * The share of [from, until) an outlet spent approved, from its status history (its audit trail, oldest first) and
 * its status now. Before the first recorded move it had the first move's `from` status.
 */
export function approvedShare(
  trail: Pick<OutletReview, 'from' | 'to' | 'at' | 'kind'>[],
  statusNow: OutletStatus,
  from: string,
  until: string,
): number {
  const start = Date.parse(from);
  const end = Date.parse(until);
  if (!(end > start)) return statusNow === 'approved' ? 1 : 0;
  const moves = trail
    .filter((t) => t.kind === 'status' || t.kind === 'submitted')
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  let status: OutletStatus | null = moves.find((m) => Date.parse(m.at) >= start)?.from ?? statusNow;
  // The status at the start is the last move's result before it, when there is one.
  for (const m of moves) if (Date.parse(m.at) < start) status = m.to;
  let cursor = start;
  let approved = 0;
  for (const m of moves) {
    const t = Date.parse(m.at);
    if (t < start) continue;
    if (t >= end) break;
    if (status === 'approved') approved += t - cursor;
    cursor = t;
    status = m.to;
  }
  if (status === 'approved') approved += end - cursor;
  return Math.max(0, Math.min(1, approved / (end - start)));
}

/** Below this score an assessment fails. */
export const PASS_SCORE = 60;
/** Weights of the four parts (sum 1). */
export const WEIGHTS = { ratings: 0.3, operation: 0.3, inspections: 0.3, community: 0.1 } as const;

export interface ScoreResult {
  score: number;
  parts: { ratings: number; operation: number; inspections: number; community: number };
  passed: boolean;
  reasons: string[];
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/**
 * The assessment score (0–100) of one supported outlet for one period:
 * - ratings: the Bayesian score mapped from 1–5 stars to 0–100 (70 when not rated yet), minus 10 per 差评 of the period;
 * - operation: the share of the period it was approved (hours kept, from its status history), minus 20 per
 *   suspension of the period; 0 when it is closed;
 * - inspections: 合格 100, 整改 60, 不合格 0, averaged over the checks of the period (60 when not inspected);
 * - community: 100 minus 20 per demand report of the period in its community for a service it offers.
 * It fails below `PASS_SCORE`, when it closed, or when an inspection check failed.
 */
export function scoreAssessment(i: AssessmentInputs): ScoreResult {
  const ratings = clamp((i.bayes === null ? 70 : ((i.bayes - 1) / 4) * 100) - 10 * i.lowRatings);
  const operation = i.status === 'closed' ? 0 : clamp(100 * i.openShare - 20 * i.suspensions);
  const checks = i.checksPassed + i.checksRectify + i.checksFailed;
  const inspections = checks === 0 ? 60 : clamp((100 * i.checksPassed + 60 * i.checksRectify) / checks);
  const community = clamp(100 - 20 * i.demandNear);
  const score = clamp(
    WEIGHTS.ratings * ratings +
      WEIGHTS.operation * operation +
      WEIGHTS.inspections * inspections +
      WEIGHTS.community * community,
  );
  const reasons: string[] = [];
  if (score < PASS_SCORE) reasons.push(`综合得分 ${score} 分，低于 ${PASS_SCORE} 分`);
  if (i.status === 'closed') reasons.push('网点已关闭');
  if (i.checksFailed > 0) reasons.push(`检查中有 ${i.checksFailed} 项不合格`);
  return { score, parts: { ratings, operation, inspections, community }, passed: reasons.length === 0, reasons };
}
