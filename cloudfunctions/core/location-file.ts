import type { Community, ImportLine } from '../../types';
import type { CsvRow } from './csv-rows';
import { contains, type Region } from './geo';
import { metersBetween } from './reach';

/** Community locations as a file: GCJ-02 `lng`, `lat` per official community code; `source` and `note` optional. */
export const LOCATION_REQUIRED = ['community_code', 'lng', 'lat'] as const;
/** A point farther than this from every other located community of its street is accepted with a warning. */
export const LONELY_METERS = 1500;

const YES = new Set(['是', 'yes', 'y', 'true', '1']);
/** A row marked as a sample (`sample` column) only shows the format and is never written. */
export const isSampleRow = (record: Record<string, string>) => YES.has((record.sample ?? '').toLowerCase());
export const SAMPLE_REFUSAL = '示例行（sample 列为“是”），仅演示格式，不导入；导入真实数据时请清空该列';

/**
 * What every per-community import row is first checked for: not a sample row, a known community code, and not the
 * same community as an earlier line (`seen` remembers the first line of each, and is updated here).
 */
export function communityRowProblems(
  r: Record<string, string>,
  line: number,
  communities: Map<string, Community>,
  seen: Map<string, number>,
): string[] {
  const code = r.community_code ?? '';
  const messages: string[] = [];
  if (isSampleRow(r)) messages.push(SAMPLE_REFUSAL);
  if (!communities.has(code)) messages.push(`community_code “${code}”不是西城区已知的社区代码`);
  else if (seen.has(code)) messages.push(`社区 ${code} 与第 ${seen.get(code)} 行重复`);
  else seen.set(code, line);
  return messages;
}

export interface LocationRow {
  line: number;
  code: string;
  point: [number, number];
  origin: string | null;
  note: string | null;
}

/**
 * Checks each row of a locations file: a known community code (once per file), numeric coordinates inside the
 * district outline. Then, against the street's located communities as they will be after the import, warns about a
 * point more than 1.5 km from every other one of them (a typo or a swapped pair is the usual cause) — a warning,
 * not a refusal, since a street can have an outlying community.
 */
export function validateLocations(
  rows: CsvRow[],
  communities: Map<string, Community>,
  district: Region,
): { rows: LocationRow[]; rejected: ImportLine[]; warnings: ImportLine[] } {
  const accepted: LocationRow[] = [];
  const rejected: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, record: r } of rows) {
    const code = r.community_code ?? '';
    const messages = communityRowProblems(r, line, communities, seen);
    const lng = r.lng === '' ? NaN : Number(r.lng);
    const lat = r.lat === '' ? NaN : Number(r.lat);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) messages.push('lng / lat 应为数字（GCJ-02 经纬度）');
    else if (!contains(district, lng, lat)) messages.push(`坐标 ${lng}, ${lat} 不在西城区范围内（是否填反了经纬度？）`);
    if ((r.source ?? '').length > 60 || (r.note ?? '').length > 200)
      messages.push('source 不超过 60 字，note 不超过 200 字');
    if (messages.length) rejected.push({ line, code: code || undefined, messages });
    else accepted.push({ line, code, point: [lng, lat], origin: r.source || null, note: r.note || null });
  }

  // Where every community will be after the import.
  const after = new Map<string, [number, number]>();
  for (const c of communities.values()) if (c.location) after.set(c.code, c.location.coordinates);
  for (const row of accepted) after.set(row.code, row.point);
  const warnings: ImportLine[] = [];
  for (const row of accepted) {
    const messages: string[] = [];
    const c = communities.get(row.code)!;
    const mates = [...communities.values()].filter((m) => m.streetCode === c.streetCode && m.code !== c.code);
    const distances = mates.flatMap((m) => (after.has(m.code) ? [metersBetween(row.point, after.get(m.code)!)] : []));
    if (distances.length && Math.min(...distances) > LONELY_METERS)
      messages.push(
        `${c.name}距${c.streetName}其他已定位社区都超过 1.5 公里（最近 ${Math.round(Math.min(...distances))} 米），请核对`,
      );
    if (c.location && metersBetween(c.location.coordinates, row.point) > 1)
      messages.push(
        `覆盖原有位置（来源：${c.locationSource ?? '未知'}），移动 ${Math.round(metersBetween(c.location.coordinates, row.point))} 米`,
      );
    if (messages.length) warnings.push({ line: row.line, code: row.code, messages });
  }
  return { rows: accepted, rejected, warnings };
}
