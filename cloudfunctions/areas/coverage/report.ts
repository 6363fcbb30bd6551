import { BASIC_CATEGORIES, type Community, type CoverageReport, type Req } from '../../../types';
import type { Ctx } from '../../router/define';
import { readAll } from '../../store/port';
import { activeEvents } from '../events';
import { basicName, indexFigure, loadCoverage, missingOf } from './model';
import { populationReport } from './population';
import { popUpFigure } from './popup';

/**
 * The share of located communities that reach all eight basic services within `minutes` (open at `openAt` when
 * given), for the district, each street and each circle, with the unlocated communities counted apart.
 */
export async function coverageReport(
  { store, now }: Ctx,
  { minutes = 10, openAt, streetCode: street }: Req<'coverage.report'>,
): Promise<CoverageReport> {
  const at = openAt ? new Date(openAt) : undefined;
  const byStreet = street ? { streetCode: street } : undefined;
  const [communities, coverage, allStreets, circles, meta, events] = await Promise.all([
    readAll(store, 'communities', byStreet),
    loadCoverage(store, street),
    readAll(store, 'streets'),
    readAll(store, 'circles', byStreet),
    store.get('meta', 'coverage'),
    activeEvents(store, at ?? now()),
  ]);
  const streets = allStreets.filter((s) => !street || s.code === street);
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const locatedList = communities.filter((c) => c.location);
  return {
    minutes,
    openAt: openAt ?? null,
    computedAt: meta?.updatedAt ?? null,
    district: indexFigure(communities, coverage, minutes, at),
    streets: streets.map((s) => ({
      code: s.code,
      name: s.name,
      ...indexFigure(
        communities.filter((c) => c.streetCode === s.code),
        coverage,
        minutes,
        at,
      ),
    })),
    circles: circles.map((c) => ({
      id: c.id,
      name: c.name,
      ...indexFigure(
        c.members.map((m) => byCode.get(m)).filter((m): m is Community => !!m),
        coverage,
        minutes,
        at,
      ),
    })),
    popUp: popUpFigure(locatedList, coverage, events, minutes, at),
    categories: BASIC_CATEGORIES.map((cat) => ({
      id: cat,
      name: basicName(cat),
      covered: locatedList.filter((c) => !missingOf(coverage.get(c.code), minutes, at).includes(cat)).length,
    })),
    ...populationReport(communities, streets, coverage, minutes, at),
  };
}
