import type { WeeklyHours } from '../../types';
import { beijingClock } from './hours';
import { degreesPerMeter, metersBetween, reachMeters } from './reach';

/**
 * The coverage engine: for each located community and each category, the nearest outlets within a walk.
 * Pure and fast: each category's outlets are bucketed into a grid of 250 m cells, and each community searches
 * the rings of cells around it outwards, stopping as soon as it holds `keep` outlets and no farther ring could
 * hold a nearer one — so it looks at a few dozen cells, not at every outlet.
 */

export interface CoverageCommunity {
  code: string;
  point: [number, number];
}

export interface CoverageOutlet {
  id: string;
  categories: readonly string[];
  point: [number, number];
  hours: WeeklyHours;
}

/** An outlet that reaches a community: its id, distance and hours (for the opening-hours variant). */
export interface Reaching {
  id: string;
  meters: number;
  hours: WeeklyHours;
}

/** Per community, per category: the reaching outlets, nearest first (ties by id). */
export type CoverageTable = Map<string, Record<string, Reaching[]>>;

/** The longest walk the stored read model answers for (8, 10 and 15 minutes are asked). */
export const MAX_COVERAGE_MINUTES = 15;
/** How many reaching outlets are kept per community and category: enough to find one open at any hour. */
export const KEEP_PER_CATEGORY = 40;
const CELL_M = 250;

export const byMetersThenId = (a: Reaching, b: Reaching) =>
  a.meters - b.meters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function computeCoverage(
  communities: CoverageCommunity[],
  outlets: CoverageOutlet[],
  categories: readonly string[],
  maxMinutes = MAX_COVERAGE_MINUTES,
  keep = KEEP_PER_CATEGORY,
): CoverageTable {
  const maxMeters = reachMeters(maxMinutes);
  const lat0 = communities.length ? communities[0].point[1] : 39.9;
  const perMeter = degreesPerMeter(lat0);
  const cellLat = CELL_M * perMeter.lat;
  const cellLng = CELL_M * perMeter.lng;
  const cellOf = (p: [number, number]): [number, number] => [Math.floor(p[0] / cellLng), Math.floor(p[1] / cellLat)];
  // Cells are keyed by one number (x · 2^20 + y): far cheaper to hash than a string.
  const cellKey = (x: number, y: number) => x * 1_048_576 + y;
  const grids = new Map<string, Map<number, CoverageOutlet[]>>(categories.map((c) => [c, new Map()]));
  for (const o of outlets) {
    const [x, y] = cellOf(o.point);
    const key = cellKey(x, y);
    for (const cat of new Set(o.categories)) {
      const grid = grids.get(cat);
      if (!grid) continue;
      const cell = grid.get(key);
      if (cell) cell.push(o);
      else grid.set(key, [o]);
    }
  }
  // A point in ring r (r ≥ 1) is at least (r − 1) cells away; a hair less, for the curvature over the district.
  const ringMin = (r: number) => Math.max(0, r - 1) * CELL_M * 0.99;
  const maxRing = Math.ceil(maxMeters / (CELL_M * 0.99)) + 1;
  const table: CoverageTable = new Map();
  for (const c of communities) {
    const [cx, cy] = cellOf(c.point);
    const perCategory: Record<string, Reaching[]> = {};
    for (const cat of categories) {
      const grid = grids.get(cat)!;
      const found: Reaching[] = [];
      for (let r = 0; r <= maxRing; r++) {
        if (ringMin(r) > maxMeters) break;
        if (found.length >= keep) {
          found.sort(byMetersThenId);
          if (found[keep - 1].meters < ringMin(r)) break;
        }
        for (let dx = -r; dx <= r; dx++)
          for (let dy = -r; dy <= r; dy++) {
            if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
            for (const o of grid.get(cellKey(cx + dx, cy + dy)) ?? []) {
              const meters = metersBetween(c.point, o.point);
              if (meters <= maxMeters) found.push({ id: o.id, meters, hours: o.hours });
            }
          }
      }
      perCategory[cat] = found.sort(byMetersThenId).slice(0, keep);
    }
    table.set(c.code, perCategory);
  }
  return table;
}

const WEEK_MINUTES = 7 * 1440;
const hhmm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function mergeIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The open minutes of a week as sorted, merged `[start, end)` intervals of minutes since Monday 00:00 Beijing time —
 * the same rule as `isOpenAt` (an end at or before the start runs past midnight; Sunday's into Monday).
 */
export function openIntervals(hours: WeeklyHours): [number, number][] {
  const raw: [number, number][] = [];
  hours.week.forEach((ranges, day) => {
    for (const [s, e] of ranges) {
      const start = day * 1440 + hhmm(s);
      const end = hhmm(e) <= hhmm(s) ? (day + 1) * 1440 + hhmm(e) : day * 1440 + hhmm(e);
      if (end <= WEEK_MINUTES) raw.push([start, end]);
      else raw.push([start, WEEK_MINUTES], [0, end - WEEK_MINUTES]);
    }
  });
  return mergeIntervals(raw);
}

// Reports ask "open at" one instant for thousands of outlets: the instant's minute of the week is worked out once,
// and each hours object's open intervals once.
let lastInstant = NaN;
let lastWeekMinute = 0;
const intervalsOf = new WeakMap<WeeklyHours, [number, number][]>();

function openAtInstant(hours: WeeklyHours, at: Date): boolean {
  if (at.getTime() !== lastInstant) {
    const { weekday, minute } = beijingClock(at);
    lastInstant = at.getTime();
    lastWeekMinute = weekday * 1440 + minute;
  }
  let open = intervalsOf.get(hours);
  if (!open) intervalsOf.set(hours, (open = openIntervals(hours)));
  return open.some(([s, e]) => s <= lastWeekMinute && lastWeekMinute < e);
}

/** The nearest reaching outlet within `minutes` (and open at `openAt`, when given), or null. */
export function nearestWithin(reaching: Reaching[], minutes: number, openAt?: Date): Reaching | null {
  const max = reachMeters(minutes);
  for (const r of reaching) {
    if (r.meters > max) return null;
    if (!openAt || openAtInstant(r.hours, openAt)) return r;
  }
  return null;
}

/** The categories a community lacks within `minutes` (and open at `openAt`). */
export function missingCategories(
  perCategory: Record<string, Reaching[]>,
  categories: readonly string[],
  minutes: number,
  openAt?: Date,
): string[] {
  return categories.filter((cat) => !nearestWithin(perCategory[cat] ?? [], minutes, openAt));
}

/** The share of located communities that lack nothing; `null` when none is located. */
export function convenienceIndex(served: number, located: number): number | null {
  return located === 0 ? null : served / located;
}

export interface SitingCandidate {
  point: [number, number];
  /** What the candidate is: a community's own point, or a grid point. */
  label: string;
}

export interface SitingPick {
  point: [number, number];
  label: string;
  /** Still-uncovered communities this pick covers. */
  covers: string[];
}

/**
 * Greedy siting: up to `k` picks, each the candidate that covers the most still-uncovered communities within
 * `minutes` (ties: earlier candidate). Stops when nothing more can be covered.
 */
export function chooseSites(
  uncovered: CoverageCommunity[],
  candidates: SitingCandidate[],
  k: number,
  minutes: number,
): SitingPick[] {
  const reach = reachMeters(minutes);
  const covers = candidates.map((cand) =>
    uncovered.filter((c) => metersBetween(cand.point, c.point) <= reach).map((c) => c.code),
  );
  const left = new Set(uncovered.map((c) => c.code));
  const picks: SitingPick[] = [];
  while (picks.length < k && left.size > 0) {
    let best = -1;
    let bestGain: string[] = [];
    covers.forEach((list, i) => {
      const gain = list.filter((code) => left.has(code));
      if (gain.length > bestGain.length) {
        best = i;
        bestGain = gain;
      }
    });
    if (best < 0) break;
    picks.push({ point: candidates[best].point, label: candidates[best].label, covers: bestGain });
    for (const code of bestGain) left.delete(code);
  }
  return picks;
}
