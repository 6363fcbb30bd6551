import type { Community, LocationImportReport, Req, Street } from '../../../types';
import { readCsvRows } from '../../core/csv-rows';
import { point } from '../../core/geo';
import { LOCATION_REQUIRED, validateLocations } from '../../core/location-file';
import { readAll, type Store } from '../../store/port';
import type { SignedInCtx } from '../../router/define';
import { misplacedAmong } from '../circles';
import { requestFullRefresh } from '../coverage';
import { XICHENG } from './district';

/** Who imports: an admin's openid in the app, or `cli:<user>` for the command line. */
export interface ImportBy {
  by: string;
  now: Date;
  dryRun?: boolean;
}

/** Rows written per transaction (CloudBase keeps transactions short). */
const BATCH = 25;

/** Each street's counters from its communities as they are: exact, whatever happened before. */
export async function recountStreets(store: Store): Promise<Street[]> {
  const [streets, communities] = await Promise.all([readAll(store, 'streets'), readAll(store, 'communities')]);
  const next = streets.map((s) => {
    const members = communities.filter((c) => c.streetCode === s.code);
    return { ...s, communityCount: members.length, locatedCount: members.filter((c) => c.location).length };
  });
  await store.transaction(async (tx) => {
    for (const s of next) await tx.update('streets', s.code, { locatedCount: s.locatedCount });
  });
  return next;
}

/**
 * Community locations in bulk (`community_code,lng,lat[,source,note]`, GCJ-02): every row checked, refused rows
 * reported by line and left out, accepted ones written with who and when (`locationSource: 'import'`). A row that
 * repeats the stored point writes nothing, so importing a file twice changes nothing the second time. Afterwards the
 * streets' located counts are recounted and the coverage read model is recomputed for the whole district.
 */
export async function importLocations(
  store: Store,
  csv: string,
  { by, now, dryRun }: ImportBy,
): Promise<LocationImportReport> {
  const rows = readCsvRows(csv, LOCATION_REQUIRED);
  const all = await readAll(store, 'communities');
  const byCode = new Map(all.map((c) => [c.code, c]));
  const checked = validateLocations(rows, byCode, XICHENG);
  const at = now.toISOString();
  const report: LocationImportReport = {
    read: rows.length,
    located: 0,
    moved: 0,
    unchanged: 0,
    rejected: checked.rejected,
    warnings: checked.warnings,
    written: false,
    streets: [],
    coverageRefreshed: false,
  };
  const changes: (Pick<Community, 'code' | 'streetCode' | 'location'> & Partial<Community>)[] = [];
  for (const row of checked.rows) {
    const c = byCode.get(row.code)!;
    const [lng, lat] = c.location?.coordinates ?? [NaN, NaN];
    if (lng === row.point[0] && lat === row.point[1]) {
      report.unchanged++;
      continue;
    }
    if (c.location) report.moved++;
    else report.located++;
    changes.push({
      code: c.code,
      streetCode: c.streetCode,
      location: point(row.point[0], row.point[1]),
      locationSource: 'import',
      locationSetBy: by,
      locationSetAt: at,
      locationOrigin: row.origin,
      locationNote: row.note,
    });
  }
  if (!dryRun && changes.length) {
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = changes.slice(i, i + BATCH);
      await store.transaction(async (tx) => {
        for (const { code, ...patch } of batch) await tx.update('communities', code, patch);
      });
    }
    report.written = true;
  }
  const streets = report.written ? await recountStreets(store) : await projectedStreets(store, all, changes);
  report.streets = streets.map((s) => ({
    code: s.code,
    name: s.name,
    communityCount: s.communityCount,
    locatedCount: s.locatedCount,
    remaining: s.communityCount - s.locatedCount,
  }));
  if (report.written) {
    await requestFullRefresh(store, now);
    report.coverageRefreshed = true;
  }
  await flagMisplaced(store, report, checked.rows, changes, byCode);
  return report;
}

/**
 * The within-reach check for every community this import located or moved: one beyond its circle's reach of the
 * centre is added to the line's warnings, so the street can move it to the right circle. A dry run checks the points
 * as they would be.
 */
async function flagMisplaced(
  store: Store,
  report: LocationImportReport,
  rows: { line: number; code: string }[],
  changes: Pick<Community, 'code' | 'location'>[],
  before: Map<string, Community>,
): Promise<void> {
  const moved = changes.map((c) => ({ ...before.get(c.code)!, location: c.location }));
  for (const m of await misplacedAmong(store, moved)) {
    const line = rows.find((r) => r.code === m.code)!.line;
    const message = `位于${m.circleName}的步行 ${m.minutes} 分钟范围外（距中心约 ${Math.round(m.meters)} 米），请街道核对所属生活圈`;
    const warning = report.warnings.find((w) => w.line === line);
    if (warning) warning.messages.push(message);
    else report.warnings.push({ line, code: m.code, messages: [message] });
  }
  report.warnings.sort((a, b) => a.line - b.line);
}

/** For a dry run: the street counts the import would give. */
async function projectedStreets(store: Store, all: Community[], changes: { code: string }[]): Promise<Street[]> {
  const newly = new Set(changes.map((c) => c.code));
  return (await readAll(store, 'streets')).map((s) => {
    const members = all.filter((c) => c.streetCode === s.code);
    return { ...s, locatedCount: members.filter((c) => c.location || newly.has(c.code)).length };
  });
}

/** Admin: the same import from the app, recorded as the admin's. */
export const importLocationsAction = (ctx: SignedInCtx, { csv, dryRun }: Req<'geo.importLocations'>) =>
  importLocations(ctx.store, csv, { by: ctx.openid, now: ctx.now(), dryRun });
