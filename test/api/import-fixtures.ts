/**
 * Test data for the reference imports, made here and never written to data/: points near a street's located
 * communities for the communities that have none (made-up positions, marked as test data in the file), and circle
 * plans that group the real community codes street by street (made-up groupings, not the district's plan).
 */
import type { Community } from '../../types';
import { XICHENG } from '../../cloudfunctions/areas/geo';
import { contains } from '../../cloudfunctions/core/geo';
import { degreesPerMeter } from '../../cloudfunctions/core/reach';

export const TEST_MARK = '# 测试数据（示例，sample）：为测试生成的虚构内容，不是真实位置或规划，不得写入 data/';

/** A point `meters` from `p` towards `degrees` (0 = east), inside the district, or null. */
function offset(p: [number, number], meters: number, degrees: number): [number, number] | null {
  const per = degreesPerMeter(p[1]);
  const a = (degrees * Math.PI) / 180;
  const q: [number, number] = [
    Number((p[0] + Math.cos(a) * meters * per.lng).toFixed(6)),
    Number((p[1] + Math.sin(a) * meters * per.lat).toFixed(6)),
  ];
  return contains(XICHENG, q[0], q[1]) ? q : null;
}

/** For each unlocated community: a point 150 m from one of its street's located communities, taken in turn. */
export function testPointsForUnlocated(communities: Community[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const turn = new Map<string, number>();
  for (const c of communities.filter((x) => !x.location)) {
    const mates = communities.filter((m) => m.streetCode === c.streetCode && m.location);
    const k = turn.get(c.streetCode) ?? 0;
    turn.set(c.streetCode, k + 1);
    const near = mates[k % mates.length].location!.coordinates;
    const p = [0, 90, 180, 270].map((d) => offset(near, 150, d + k * 37)).find((q) => q) ?? near;
    out.set(c.code, p);
  }
  return out;
}

export function locationsCsv(points: Map<string, [number, number]>): string {
  const rows = [...points].map(([code, [lng, lat]]) => `${code},${lng},${lat},测试数据,测试生成的虚构位置`);
  return [TEST_MARK, 'community_code,lng,lat,source,note', ...rows].join('\n');
}

export interface PlanLine {
  circleId: string;
  name: string;
  streetCode: string;
  minutes: 8 | 10 | 15;
  members: string[];
  year?: string;
  status?: string;
}

/**
 * `count` circles of one level over all communities: shared among the streets by their size (at least one each),
 * each street's communities taken in code order and cut into that many runs.
 */
export function testPlan(communities: Community[], count: number, minutes: 8 | 10 | 15): PlanLine[] {
  const streets = [...new Set(communities.map((c) => c.streetCode))].sort();
  const sizes = streets.map((s) => communities.filter((c) => c.streetCode === s).length);
  const shares = sizes.map((n) => Math.max(1, Math.floor((n / communities.length) * count)));
  for (let i = 0; shares.reduce((a, b) => a + b, 0) < count; i = (i + 1) % streets.length)
    if (shares[i] < sizes[i]) shares[i]++;
  const lines: PlanLine[] = [];
  streets.forEach((s, i) => {
    const members = communities
      .filter((c) => c.streetCode === s)
      .map((c) => c.code)
      .sort();
    for (let k = 0; k < shares[i]; k++) {
      const from = Math.floor((k * members.length) / shares[i]);
      const to = Math.floor(((k + 1) * members.length) / shares[i]);
      lines.push({
        circleId: `T${minutes}-${s.slice(6)}-${k + 1}`,
        name: `测试${minutes}分钟圈${s.slice(6)}-${k + 1}`,
        streetCode: s,
        minutes,
        members: members.slice(from, to),
      });
    }
  });
  return lines;
}

export function planCsv(lines: PlanLine[]): string {
  const rows = lines.map(
    (l) =>
      `${l.circleId},${l.name},${l.streetCode},${l.minutes},${l.members.join('|')},${l.year ?? ''},${l.status ?? ''}`,
  );
  return [TEST_MARK, 'circle_id,name,street_code,minutes,community_codes,year,status', ...rows].join('\n');
}

/** The line a plan row lands on in `planCsv`: the comment and the header come first. */
export const planLineNo = (index: number) => index + 3;
