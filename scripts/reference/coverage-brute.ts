import {
  byMetersThenId,
  KEEP_PER_CATEGORY,
  MAX_COVERAGE_MINUTES,
  type CoverageCommunity,
  type CoverageOutlet,
  type CoverageTable,
  type Reaching,
} from '../../cloudfunctions/core/coverage';
import { metersBetween, reachMeters } from '../../cloudfunctions/core/reach';

/** The same table by measuring every community against every outlet: the reference for tests and benchmarks. */
export function computeCoverageBruteForce(
  communities: CoverageCommunity[],
  outlets: CoverageOutlet[],
  categories: readonly string[],
  maxMinutes = MAX_COVERAGE_MINUTES,
  keep = KEEP_PER_CATEGORY,
): CoverageTable {
  const maxMeters = reachMeters(maxMinutes);
  const table: CoverageTable = new Map();
  for (const c of communities) {
    const perCategory: Record<string, Reaching[]> = {};
    for (const cat of categories)
      perCategory[cat] = outlets
        .filter((o) => o.categories.includes(cat))
        .map((o) => ({ id: o.id, meters: metersBetween(c.point, o.point), hours: o.hours }))
        .filter((r) => r.meters <= maxMeters)
        .sort(byMetersThenId)
        .slice(0, keep);
    table.set(c.code, perCategory);
  }
  return table;
}
