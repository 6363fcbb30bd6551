import type { CoverageCommunity } from './coverage';
import { degreesPerMeter, metersBetween, reachMeters } from './reach';

export interface PlannedCircle {
  centre: [number, number];
  /** Community codes, each within reach of the centre. */
  members: string[];
}

/** Candidate centres every this many metres across the communities' extent, besides the communities themselves. */
const GRID_STEP_M = 100;

/**
 * Splits one street's located communities into as few circles as it can, such that every member is within
 * `minutes` of its circle's centre. Greedy set cover over candidate centres (the community points and a 100 m
 * grid over their extent): repeatedly take the centre that reaches the most communities not yet in a circle.
 * Greedy cover is within a logarithmic factor of the fewest circles and is exact on small streets in practice.
 * At the end each community joins the nearest chosen centre that reaches it.
 */
export function planCircles(communities: CoverageCommunity[], minutes: number): PlannedCircle[] {
  if (communities.length === 0) return [];
  const reach = reachMeters(minutes);
  const lngs = communities.map((c) => c.point[0]);
  const lats = communities.map((c) => c.point[1]);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const perMeter = degreesPerMeter(lat0);
  const stepLat = GRID_STEP_M * perMeter.lat;
  const stepLng = GRID_STEP_M * perMeter.lng;
  const candidates: [number, number][] = communities.map((c) => c.point);
  for (let lng = Math.min(...lngs); lng <= Math.max(...lngs) + stepLng / 2; lng += stepLng)
    for (let lat = Math.min(...lats); lat <= Math.max(...lats) + stepLat / 2; lat += stepLat)
      candidates.push([lng, lat]);

  const reaches = candidates.map((p) =>
    communities.filter((c) => metersBetween(p, c.point) <= reach).map((c) => c.code),
  );
  const left = new Set(communities.map((c) => c.code));
  const centres: [number, number][] = [];
  while (left.size > 0) {
    let best = -1;
    let bestGain = 0;
    let bestSpread = Infinity;
    reaches.forEach((codes, i) => {
      const gain = codes.filter((code) => left.has(code));
      if (gain.length < bestGain || gain.length === 0) return;
      // Among equal gains, the most compact circle: the smallest total walk to its new members.
      const spread = gain.reduce(
        (s, code) => s + metersBetween(candidates[i], communities.find((c) => c.code === code)!.point),
        0,
      );
      if (gain.length > bestGain || spread < bestSpread) {
        best = i;
        bestGain = gain.length;
        bestSpread = spread;
      }
    });
    centres.push(candidates[best]);
    for (const code of reaches[best]) left.delete(code);
  }
  const circles: PlannedCircle[] = centres.map((centre) => ({ centre, members: [] }));
  for (const c of communities) {
    let nearest = 0;
    centres.forEach((centre, i) => {
      if (metersBetween(centre, c.point) < metersBetween(centres[nearest], c.point)) nearest = i;
    });
    circles[nearest].members.push(c.code);
  }
  return circles.filter((circle) => circle.members.length > 0);
}

/**
 * The two levels of circles: 8- and 10-minute circles are one level (a community is in one of them, its
 * `circleId`); 15-minute circles (一刻钟便民生活圈) are another (its `fifteenCircleId`).
 */
export type CircleLevel = 'ten' | 'fifteen';
export const levelOf = (minutes: number): CircleLevel => (minutes === 15 ? 'fifteen' : 'ten');
export const LEVEL_FIELD = { ten: 'circleId', fifteen: 'fifteenCircleId' } as const;

/** The mean of some points (for a centre when nothing better is known). */
export function centroid(points: readonly [number, number][]): [number, number] {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

/**
 * The centre that needs the shortest reach to hold every point (the centre of the smallest enclosing circle),
 * found by Bădoiu–Clarkson steps: move towards the farthest point by 1/(k+1). After k steps the reach is within a
 * factor (1 + 1/√k) of the least; 2,000 steps put it within a few metres at a circle's scale.
 */
export function enclosingCentre(points: readonly [number, number][], steps = 2000): [number, number] {
  if (points.length === 0) throw new Error('enclosingCentre needs a point');
  let c = centroid(points);
  for (let k = 1; k <= steps; k++) {
    let far = points[0];
    let farM = -1;
    for (const p of points) {
      const m = metersBetween(c, p);
      if (m > farM) {
        farM = m;
        far = p;
      }
    }
    c = [c[0] + (far[0] - c[0]) / (k + 1), c[1] + (far[1] - c[1]) / (k + 1)];
  }
  return [Number(c[0].toFixed(6)), Number(c[1].toFixed(6))];
}

/** A circle offered to `mergeCircles`: its members, the located ones with their points, and what may join it. */
export interface MergeCandidate {
  /** Circles merge only with circles of the same group (one street, one reach, one 15-minute circle). */
  group: string;
  ids: string[];
  members: string[];
  located: CoverageCommunity[];
  centre: [number, number];
}

/**
 * Merges small circles greedily: the circle with the fewest members joins the circle of its group with which all
 * their located members fit within `minutes` of one centre (the smallest enclosing circle's), choosing the partner
 * that needs the shortest reach; this repeats until no two circles of a group fit together. A circle without a
 * located member has no centre and is left as it is. Members without a location travel with their circle.
 */
export function mergeCircles(circles: MergeCandidate[], minutes: number): MergeCandidate[] {
  const reach = reachMeters(minutes);
  const radius = (centre: [number, number], pts: CoverageCommunity[]) =>
    pts.reduce((m, c) => Math.max(m, metersBetween(centre, c.point)), 0);
  const out = circles.map((c) => ({ ...c, ids: [...c.ids], members: [...c.members], located: [...c.located] }));
  // A pair's fit is computed once (a merged circle is a new pair key); pairs whose members lie farther apart than
  // twice the reach cannot fit and are skipped at once. 400 steps keep the centre within ~5% of the least reach:
  // a pair that only just fits may be left apart, never one that does not fit merged.
  const fits = new Map<string, { centre: [number, number]; r: number }>();
  const fit = (a: MergeCandidate, b: MergeCandidate) => {
    const key = `${a.ids.join(',')}|${b.ids.join(',')}`;
    let f = fits.get(key);
    if (!f) {
      const pts = [...a.located, ...b.located];
      const far = a.located.some((p) => b.located.some((q) => metersBetween(p.point, q.point) > 2 * reach));
      const centre: [number, number] = far
        ? a.centre
        : enclosingCentre(
            pts.map((p) => p.point),
            400,
          );
      f = { centre, r: far ? Infinity : radius(centre, pts) };
      fits.set(key, f);
    }
    return f;
  };
  for (;;) {
    const order = out
      .map((_c, i) => i)
      .filter((i) => out[i].located.length > 0)
      .sort((a, b) => out[a].members.length - out[b].members.length || (out[a].ids[0] < out[b].ids[0] ? -1 : 1));
    let merged = false;
    for (const i of order) {
      let best: { j: number; centre: [number, number]; r: number } | null = null;
      for (const j of order) {
        if (j === i || out[j].group !== out[i].group) continue;
        const { centre, r } = fit(out[i], out[j]);
        if (r <= reach && (!best || r < best.r)) best = { j, centre, r };
      }
      if (!best) continue;
      const a = out[i];
      const b = out[best.j];
      // The larger circle absorbs the smaller (its id first: its name and place in the plan carry on).
      out[best.j] = {
        group: b.group,
        ids: [...b.ids, ...a.ids],
        members: [...b.members, ...a.members],
        located: [...b.located, ...a.located],
        centre: best.centre,
      };
      out.splice(i, 1);
      merged = true;
      break;
    }
    if (!merged) return out;
  }
}
