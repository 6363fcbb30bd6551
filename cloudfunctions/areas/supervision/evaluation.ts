import type { BuiltRecord, Circle, CircleEvaluation, Req, User } from '../../../types';
import { AppError } from '../../core/errors';
import type { Ctx } from '../../router/define';
import type { Store } from '../../store/port';
import { currentConfig } from './config';
import { basicCriterion, demandCriterion, qualityCriterion, satisfactionCriterion } from './criteria';

/** The latest record of how a circle became 已建成, if any. */
export async function lastBuilt(store: Store, circleId: string): Promise<BuiltRecord | null> {
  const page = await store.query('builtRecords', {
    where: { circleId },
    orderBy: { field: 'at', direction: 'desc' },
    limit: 1,
  });
  return page.items[0] ?? null;
}

/** A circle's checklist from live data: each criterion with its figure; it passes when every criterion does. */
export async function evaluateCircle(store: Store, circle: Circle, now: Date): Promise<CircleEvaluation> {
  const config = await currentConfig(store);
  const t = config.thresholds;
  const [criteria, builtBy] = await Promise.all([
    Promise.all([
      basicCriterion(store, circle),
      qualityCriterion(store, circle, t),
      satisfactionCriterion(store, circle, t),
      demandCriterion(store, circle, t, now),
    ]),
    circle.status === 'built' ? lastBuilt(store, circle.id) : Promise.resolve(null),
  ]);
  return {
    circleId: circle.id,
    circleName: circle.name,
    status: circle.status,
    passed: criteria.every((c) => c.passed),
    criteria,
    thresholdsVersion: config.version,
    computedAt: now.toISOString(),
    // The public view names nobody; the reason of an override is shown.
    builtBy: builtBy ? { ...builtBy, by: '' } : null,
  };
}

export async function circleEvaluation(
  { store, now }: Ctx,
  { circleId }: Req<'supervision.evaluation'>,
): Promise<CircleEvaluation> {
  const circle = await store.get('circles', circleId);
  if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'circleId');
  return evaluateCircle(store, circle, now());
}

/**
 * Whether a circle may become 已建成, and the record to keep: its evaluation passed, or the admin overrides with a
 * reason (who, when, why and which criteria had not passed are recorded). Refused otherwise, naming what failed.
 * Call before the transaction that sets the status; write the record in it.
 */
export async function builtRecordFor(
  store: Store,
  circle: Circle,
  user: User,
  override: string | undefined,
  now: Date,
): Promise<BuiltRecord> {
  const evaluation = await evaluateCircle(store, circle, now);
  const at = now.toISOString();
  const base = { id: `${circle.id}_${at}`, circleId: circle.id, by: user.openid, at };
  if (evaluation.passed) return { ...base, via: 'evaluation', reason: override?.trim() || null, failed: [] };
  const failed = evaluation.criteria.filter((c) => !c.passed);
  const reason = override?.trim();
  if (!reason || user.role !== 'admin')
    throw new AppError(
      'CONFLICT',
      `评价未通过（${failed.map((c) => c.name).join('；')}），不能标记为已建成；` +
        '如确需标记，请由区商务局管理员填写理由后确认',
      'status',
    );
  return { ...base, via: 'override', reason, failed: failed.map((c) => c.id) };
}
