import { BASIC_CATEGORIES, type Req, type Res } from '../../../types';
import { chooseSites, type SitingCandidate } from '../../core/coverage';
import { AppError } from '../../core/errors';
import { contains } from '../../core/geo';
import { degreesPerMeter } from '../../core/reach';
import type { Ctx } from '../../router/define';
import { readAll } from '../../store/port';
import { XICHENG } from '../geo';
import { loadCoverage, missingOf } from './model';

/** Grid spacing of siting candidates inside the district outline. */
const SITING_GRID_M = 250;

function sitingGrid(): SitingCandidate[] {
  const [minLng, minLat, maxLng, maxLat] = XICHENG.bbox;
  const perMeter = degreesPerMeter((minLat + maxLat) / 2);
  const stepLat = SITING_GRID_M * perMeter.lat;
  const stepLng = SITING_GRID_M * perMeter.lng;
  const out: SitingCandidate[] = [];
  for (let lat = minLat; lat <= maxLat; lat += stepLat)
    for (let lng = minLng; lng <= maxLng; lng += stepLng)
      if (contains(XICHENG, lng, lat)) out.push({ point: [Number(lng.toFixed(6)), Number(lat.toFixed(6))], label: '网格点' });
  return out;
}
let grid: SitingCandidate[] | null = null;

/**
 * Where new outlets of a basic category would reach the most communities that lack it: up to k picks among the
 * community points and a 250 m grid inside the district, chosen greedily.
 */
export async function sitingSuggestions(
  { store }: Ctx,
  { category, k, minutes = 10, streetCode: street }: Req<'coverage.siting'>,
): Promise<Res<'coverage.siting'>> {
  if (!(BASIC_CATEGORIES as readonly string[]).includes(category))
    throw new AppError('INVALID_INPUT', '选址只针对八类基本保障业态', 'category');
  const [all, coverage] = await Promise.all([
    readAll(store, 'communities', street ? { streetCode: street } : undefined),
    loadCoverage(store, street),
  ]);
  const communities = all.filter((c) => c.location);
  const uncovered = communities
    .filter((c) => missingOf(coverage.get(c.code), minutes).includes(category))
    .map((c) => ({ code: c.code, point: c.location!.coordinates }));
  grid ??= sitingGrid();
  const candidates: SitingCandidate[] = [
    ...communities.map((c) => ({ point: c.location!.coordinates, label: c.name })),
    ...grid,
  ];
  const picks = chooseSites(uncovered, candidates, k, minutes);
  return {
    category,
    uncovered: uncovered.length,
    picks: picks.map((p) => ({ point: { type: 'Point' as const, coordinates: p.point }, label: p.label, covers: p.covers })),
  };
}
