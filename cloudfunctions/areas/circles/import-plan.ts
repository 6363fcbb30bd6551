import type { Circle, Community, PlanImportReport, Req } from '../../../types';
import { centroid, enclosingCentre, LEVEL_FIELD, levelOf, type CircleLevel } from '../../core/circles';
import { readCsvRows } from '../../core/csv-rows';
import { AppError } from '../../core/errors';
import { point } from '../../core/geo';
import { PLAN_REQUIRED, validatePlan, type PlanRow } from '../../core/plan-file';
import type { SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';

export interface PlanImportOptions {
  now: Date;
  dryRun?: boolean;
}

/** The stored id of a circle of the district's plan. */
export const officialCircleId = (circleId: string) => `official-${circleId}`;

/**
 * A circle's centre from its members: the centre of the smallest circle holding its located members; with none
 * located yet, the middle of its street's located communities, marked as estimated.
 */
export function centreFor(
  members: Community[],
  street: Community[],
  district: Community[] = street,
): { centre: Circle['centre']; centreEstimated: boolean } {
  const located = members.flatMap((c) => (c.location ? [c.location.coordinates] : []));
  if (located.length) {
    const [lng, lat] = enclosingCentre(located);
    return { centre: point(lng, lat), centreEstimated: false };
  }
  const pointsOf = (list: Community[]) => list.flatMap((c) => (c.location ? [c.location.coordinates] : []));
  const around = pointsOf(street).length ? pointsOf(street) : pointsOf(district);
  if (!around.length) throw new AppError('CONFLICT', '尚无任何已定位的社区，无法确定生活圈中心');
  const [lng, lat] = centroid(around);
  return { centre: point(Number(lng.toFixed(6)), Number(lat.toFixed(6))), centreEstimated: true };
}

function toCircle(
  row: PlanRow,
  byCode: Map<string, Community>,
  all: Community[],
  previous: Circle | undefined,
  at: string,
) {
  const members = row.members.map((m) => byCode.get(m)!);
  const circle: Circle = {
    id: officialCircleId(row.circleId),
    name: row.name,
    streetCode: row.streetCode,
    members: row.members,
    ...centreFor(
      members,
      all.filter((c) => c.streetCode === row.streetCode),
      all,
    ),
    minutes: row.minutes,
    year: row.year,
    status: row.status,
    source: 'official',
    officialId: row.circleId,
    parentId: null,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  };
  return circle;
}

/**
 * The district's own circle plan (`circle_id,name,street_code,minutes,community_codes[,year,status]`). All or
 * nothing: any refused line and nothing is written. Otherwise the plan replaces the circles of the levels it holds
 * (8/10 minutes, 15 minutes) — proposed or earlier imported — and every community's circle at those levels follows,
 * in one transaction. Importing the same file again gives the same circles.
 */
export async function importPlan(
  store: Store,
  csv: string,
  { now, dryRun }: PlanImportOptions,
): Promise<PlanImportReport> {
  const rows = readCsvRows(csv, PLAN_REQUIRED);
  const [all, streets, existing] = await Promise.all([
    readAll(store, 'communities'),
    readAll(store, 'streets'),
    readAll(store, 'circles'),
  ]);
  const byCode = new Map(all.map((c) => [c.code, c]));
  const checked = validatePlan(rows, byCode, new Map(streets.map((s) => [s.code, s])));
  const levels = new Set(checked.rows.map((r) => levelOf(r.minutes)));
  const member = (level: CircleLevel) =>
    new Set(checked.rows.filter((r) => levelOf(r.minutes) === level).flatMap((r) => r.members));
  const memberships = checked.rows.flatMap((r) => r.members);
  const replaced = existing.filter((c) => levels.has(levelOf(c.minutes)));
  const report: PlanImportReport = {
    read: rows.length,
    circles: {
      eight: checked.rows.filter((r) => r.minutes === 8).length,
      ten: checked.rows.filter((r) => r.minutes === 10).length,
      fifteen: checked.rows.filter((r) => r.minutes === 15).length,
    },
    members: memberships.length,
    unlocatedMembers: memberships.filter((m) => !byCode.get(m)!.location).length,
    replaced: replaced.length,
    outside: {
      ten: levels.has('ten') ? all.length - member('ten').size : null,
      fifteen: levels.has('fifteen') ? all.length - member('fifteen').size : null,
    },
    rejected: checked.rejected,
    written: false,
  };
  if (checked.rejected.length || checked.rows.length === 0 || dryRun) return report;

  const at = now.toISOString();
  const previous = new Map(existing.map((c) => [c.id, c]));
  const circles = checked.rows.map((r) => toCircle(r, byCode, all, previous.get(officialCircleId(r.circleId)), at));
  const keep = new Set(circles.map((c) => c.id));
  // Each community's circle at each imported level, after the import.
  const assigned = new Map<string, string>();
  for (const c of circles) for (const m of c.members) assigned.set(`${levelOf(c.minutes)}:${m}`, c.id);
  const patches = all.flatMap((c) => {
    const patch: Partial<Community> = {};
    for (const level of levels) {
      const next = assigned.get(`${level}:${c.code}`) ?? null;
      if ((c[LEVEL_FIELD[level]] ?? null) !== next) patch[LEVEL_FIELD[level]] = next;
    }
    return Object.keys(patch).length ? [{ code: c.code, patch }] : [];
  });
  await store.transaction(async (tx) => {
    for (const c of replaced) if (!keep.has(c.id)) await tx.remove('circles', c.id);
    for (const c of circles) await tx.set('circles', c.id, c);
    for (const { code, patch } of patches) await tx.update('communities', code, patch);
  });
  report.written = true;
  return report;
}

/** Admin: the same import from the app. */
export const importPlanAction = (ctx: SignedInCtx, { csv, dryRun }: Req<'circles.importPlan'>) =>
  importPlan(ctx.store, csv, { now: ctx.now(), dryRun });
