import type { WeeklyHours } from '../../types';
import { beijingClock } from './hours';
import KDBush from 'kdbush';
import { kdNearest } from './kd-nearest';
import { metersBetween, reachMeters } from './reach';

/**
 * The coverage engine: for each located community and each category, the nearest outlets within a walk.
 * Each category's outlets go into a static kd-tree (`kdbush`, over planar metres around the district), built from
 * compact columns; each community walks its tree nearest-first and stops as soon as it holds `keep` outlets and no
 * farther point could be nearer — so it looks at a few dozen points, not at every outlet. Distances are then the
 * exact great-circle metres, and the planar order is only trusted within its worst error over the data's latitudes.
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

export const byMetersThenId = (a: Reaching, b: Reaching) =>
  a.meters - b.meters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Outlets as columns (what a full refresh collects page by page instead of holding every document): id, point,
 * the categories as a bit set over the engine's category list, and hours (shared objects).
 */
export class OutletColumns {
  readonly ids: string[] = [];
  readonly lng: number[] = [];
  readonly lat: number[] = [];
  readonly bits: number[] = [];
  readonly hours: WeeklyHours[] = [];
  private readonly bit: Map<string, number>;

  constructor(readonly categories: readonly string[]) {
    this.bit = new Map(categories.map((c, i) => [c, 2 ** i]));
  }

  get length(): number {
    return this.ids.length;
  }

  add(o: CoverageOutlet): void {
    let bits = 0;
    for (const c of o.categories) {
      const b = this.bit.get(c);
      if (b !== undefined && !(bits & b)) bits += b;
    }
    if (!bits) return;
    this.ids.push(o.id);
    this.lng.push(o.point[0]);
    this.lat.push(o.point[1]);
    this.bits.push(bits);
    this.hours.push(o.hours);
  }
}

const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

export function computeCoverage(
  communities: CoverageCommunity[],
  outlets: CoverageOutlet[] | OutletColumns,
  categories: readonly string[],
  maxMinutes = MAX_COVERAGE_MINUTES,
  keep = KEEP_PER_CATEGORY,
): CoverageTable {
  let cols: OutletColumns;
  if (outlets instanceof OutletColumns && outlets.categories === categories) cols = outlets;
  else {
    cols = new OutletColumns(categories);
    if (outlets instanceof OutletColumns)
      for (let i = 0; i < outlets.length; i++)
        cols.add({
          id: outlets.ids[i],
          point: [outlets.lng[i], outlets.lat[i]],
          hours: outlets.hours[i],
          categories: outlets.categories.filter((_, b) => outlets.bits[i] & (2 ** b)),
        });
    else for (const o of outlets) cols.add(o);
  }
  const maxMeters = reachMeters(maxMinutes);
  // Planar metres: x scaled by the cosine of one latitude. Its worst error against the true distance over the
  // data's latitudes (`eps`) widens every stopping test, so the answer is exactly the brute-force one.
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const c of communities) {
    minLat = Math.min(minLat, c.point[1]);
    maxLat = Math.max(maxLat, c.point[1]);
  }
  for (const y of cols.lat) {
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  const lat0 = Number.isFinite(minLat) ? (minLat + maxLat) / 2 : 39.9;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  const cosMin = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const cosMax = Math.cos((Math.min(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const eps = Math.max(cos0 / cosMin - 1, 1 - cos0 / cosMax, 0) + 1e-4;
  const kx = METERS_PER_DEGREE * cos0;
  const ky = METERS_PER_DEGREE;
  // Every category's tree in one pass over the columns: count, then add each point to its categories' trees (the
  // bit of category b is 2^b, b < 31 here, so plain bit operations read it).
  if (categories.length > 30) throw new Error('at most 30 categories');
  const nCat = categories.length;
  const counts = new Int32Array(nCat);
  for (let i = 0; i < cols.length; i++) {
    const bits = cols.bits[i];
    for (let b = 0; b < nCat; b++) if (bits & (1 << b)) counts[b]++;
  }
  const trees = Array.from(counts, (n) => ({ tree: new KDBush(n || 1), members: new Int32Array(n), filled: 0 }));
  for (let i = 0; i < cols.length; i++) {
    const bits = cols.bits[i];
    const x = cols.lng[i] * kx;
    const y = cols.lat[i] * ky;
    for (let b = 0; b < nCat; b++)
      if (bits & (1 << b)) {
        const t = trees[b];
        t.members[t.filled++] = i;
        t.tree.add(x, y);
      }
  }
  for (const t of trees) {
    if (!t.members.length) t.tree.add(Infinity, Infinity);
    t.tree.finish();
  }
  const table: CoverageTable = new Map();
  const point: [number, number] = [0, 0];
  for (const c of communities) {
    const qx = c.point[0] * kx;
    const qy = c.point[1] * ky;
    const perCategory: Record<string, Reaching[]> = {};
    categories.forEach((cat, b) => {
      const { tree, members } = trees[b];
      const found: Reaching[] = [];
      let kth = Infinity;
      if (members.length)
        kdNearest(tree, qx, qy, maxMeters * (1 + eps) + 1, (t, planar) => {
          if (planar > kth * (1 + eps) + 1) return false;
          const i = members[t];
          point[0] = cols.lng[i];
          point[1] = cols.lat[i];
          const meters = metersBetween(c.point, point);
          // Farther than the `keep`-th found (ties kept for the id order) can never be kept.
          if (meters > maxMeters || meters > kth) return true;
          found.push({ id: cols.ids[i], meters, hours: cols.hours[i] });
          if (found.length >= keep) {
            found.sort(byMetersThenId);
            found.length = keep;
            kth = found[keep - 1].meters;
          }
          return true;
        });
      perCategory[cat] = found.sort(byMetersThenId);
    });
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
