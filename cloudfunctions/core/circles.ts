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
