import KDBush from 'kdbush';
import { kdNearest } from '../../cloudfunctions/core/kd-nearest';
import { reachMeters } from '../../cloudfunctions/core/reach';
import type { CoverageCommunity, CoverageOutlet } from '../../cloudfunctions/core/coverage';

const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * The benchmark's floor for whole-district coverage: per category a bare `kdbush` tree over planar metres from typed
 * arrays, and per community the `keep` nearest by planar distance within the walk — no exact distances, no hours,
 * no result objects. Answers how many outlets it found in all (a check that it did the work).
 */
export function bareKdPass(
  communities: CoverageCommunity[],
  outlets: CoverageOutlet[],
  categories: readonly string[],
  maxMinutes = 15,
  keep = 40,
): number {
  const cos0 = Math.cos((39.91 * Math.PI) / 180);
  const kx = METERS_PER_DEGREE * cos0;
  const max = reachMeters(maxMinutes);
  let total = 0;
  const points = new Map(categories.map((c) => [c, { xs: [] as number[], ys: [] as number[] }]));
  for (const o of outlets)
    for (const c of o.categories) {
      const p = points.get(c);
      p?.xs.push(o.point[0] * kx);
      p?.ys.push(o.point[1] * METERS_PER_DEGREE);
    }
  for (const { xs, ys } of points.values()) {
    const tree = new KDBush(Math.max(1, xs.length));
    for (let i = 0; i < xs.length; i++) tree.add(xs[i], ys[i]);
    if (!xs.length) tree.add(Infinity, Infinity);
    tree.finish();
    for (const c of communities) {
      let n = 0;
      kdNearest(tree, c.point[0] * kx, c.point[1] * METERS_PER_DEGREE, max, () => ++n < keep);
      total += n;
    }
  }
  return total;
}
