import {
  CIRCLE_STATUSES,
  CIRCLE_YEARS,
  type CircleStatus,
  type CircleYear,
  type Community,
  type ImportLine,
  type Street,
} from '../../types';
import { levelOf } from './circles';
import type { CsvRow } from './csv-rows';
import { isSampleRow, SAMPLE_REFUSAL } from './location-file';

/**
 * The district's circle plan as a file: one circle a row, members `|`-separated. Year and status are optional;
 * other columns (e.g. `sample`) are ignored.
 */
export const PLAN_REQUIRED = ['circle_id', 'name', 'street_code', 'minutes', 'community_codes'] as const;
export const PLAN_COLUMNS = [...PLAN_REQUIRED, 'year', 'status'] as const;

export interface PlanRow {
  line: number;
  circleId: string;
  name: string;
  streetCode: string;
  minutes: 8 | 10 | 15;
  members: string[];
  year: CircleYear | null;
  status: CircleStatus;
}

const STATUS_NAMES: Record<string, CircleStatus> = { 规划中: 'planned', 建设中: 'building', 已建成: 'built' };
const LEVEL_NAMES = { ten: '8/10 分钟', fifteen: '15 分钟' } as const;

function readStatus(cell: string): CircleStatus | null {
  if (!cell) return 'planned';
  if ((CIRCLE_STATUSES as readonly string[]).includes(cell)) return cell as CircleStatus;
  return STATUS_NAMES[cell] ?? null;
}

/**
 * Checks every row of a plan file: known street and communities, members of the circle's street, 8/10/15 minutes,
 * each community in at most one circle of a level (8 and 10 minutes are one level), circle ids unique. Answers the
 * rows, and every refused line with all its reasons: the caller writes nothing when any line is refused.
 */
export function validatePlan(
  rows: CsvRow[],
  communities: Map<string, Pick<Community, 'code' | 'name' | 'streetCode' | 'streetName'>>,
  streets: Map<string, Pick<Street, 'code' | 'name'>>,
): { rows: PlanRow[]; rejected: ImportLine[] } {
  const out: PlanRow[] = [];
  const rejected: ImportLine[] = [];
  const ids = new Map<string, number>();
  /** `<level>:<community>` → the line and circle that holds it. */
  const held = new Map<string, { line: number; circleId: string }>();
  for (const { line, record: r } of rows) {
    const messages: string[] = isSampleRow(r) ? [SAMPLE_REFUSAL] : [];
    const circleId = r.circle_id ?? '';
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(circleId)) messages.push('circle_id 应为 1–40 位字母、数字、下划线或连字符');
    else if (ids.has(circleId)) messages.push(`circle_id “${circleId}”与第 ${ids.get(circleId)} 行重复`);
    const name = r.name ?? '';
    if (!name || name.length > 40) messages.push('name 不能为空，且不超过 40 个字');
    const street = streets.get(r.street_code ?? '');
    if (!street) messages.push(`street_code “${r.street_code ?? ''}”不是西城区的街道代码`);
    const minutes = Number(r.minutes);
    if (minutes !== 8 && minutes !== 10 && minutes !== 15) messages.push('minutes 应为 8、10 或 15');
    const year = r.year ? Number(r.year) : null;
    if (year !== null && !(CIRCLE_YEARS as readonly number[]).includes(year))
      messages.push('year 应为 2023、2024 或 2025，或留空');
    const status = readStatus(r.status ?? '');
    if (!status) messages.push('status 应为 planned/building/built（规划中/建设中/已建成），或留空');

    const codes = (r.community_codes ?? '')
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    if (codes.length === 0) messages.push('community_codes 至少要有一个社区代码（以 | 分隔）');
    const members: string[] = [];
    for (const code of codes) {
      const c = communities.get(code);
      if (!c) messages.push(`社区代码 ${code} 不是西城区已知的社区`);
      else if (members.includes(code)) messages.push(`社区 ${code} 在本行重复`);
      else if (street && c.streetCode !== street.code)
        messages.push(`${c.name}（${code}）属于${c.streetName}，不属于${street.name}`);
      else members.push(code);
    }
    if (messages.length === 0) {
      const level = levelOf(minutes);
      for (const code of members) {
        const other = held.get(`${level}:${code}`);
        if (other)
          messages.push(
            `${communities.get(code)!.name}（${code}）已在第 ${other.line} 行的${LEVEL_NAMES[level]}生活圈 ${other.circleId} 中`,
          );
      }
    }
    if (circleId && !ids.has(circleId)) ids.set(circleId, line);
    if (messages.length) {
      rejected.push({ line, code: circleId || undefined, messages });
      continue;
    }
    for (const code of members) held.set(`${levelOf(minutes)}:${code}`, { line, circleId });
    out.push({
      line,
      circleId,
      name,
      streetCode: street!.code,
      minutes: minutes as 8 | 10 | 15,
      members,
      year: year as CircleYear | null,
      status: status!,
    });
  }
  return { rows: out, rejected };
}
