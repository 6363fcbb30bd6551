import type { Community, CommunityCoverage, PopulationFigure, PopulationReport, Street } from '../../../types';
import { missingOf } from './model';

const hasFigure = (c: Community) => typeof c.population === 'number' && c.population > 0;

/**
 * The population-weighted index of some communities: residents of located communities with a figure are counted,
 * and served when their community reaches every basic category. Communities without a figure, and residents of
 * communities without a location, are reported apart — never guessed.
 */
export function populationFigure(
  communities: Community[],
  coverage: Map<string, CommunityCoverage>,
  minutes: number,
  at?: Date,
): PopulationFigure {
  const withFigure = communities.filter(hasFigure);
  const counted = withFigure.filter((c) => c.location);
  const residents = counted.reduce((n, c) => n + c.population!, 0);
  const served = counted
    .filter((c) => missingOf(coverage.get(c.code), minutes, at).length === 0)
    .reduce((n, c) => n + c.population!, 0);
  return {
    residents,
    served,
    index: residents ? served / residents : null,
    withFigure: withFigure.length,
    withoutFigure: communities.length - withFigure.length,
    unlocatedResidents: withFigure.filter((c) => !c.location).reduce((n, c) => n + c.population!, 0),
    households: counted.reduce((n, c) => n + (c.households ?? 0), 0),
  };
}

/** `{ population }` for the report when any community of the area has a figure; nothing at all otherwise. */
export function populationReport(
  communities: Community[],
  streets: Street[],
  coverage: Map<string, CommunityCoverage>,
  minutes: number,
  at?: Date,
): { population?: PopulationReport } {
  if (!communities.some(hasFigure)) return {};
  const figures = streets.map((s) => ({
    code: s.code,
    name: s.name,
    ...populationFigure(
      communities.filter((c) => c.streetCode === s.code),
      coverage,
      minutes,
      at,
    ),
  }));
  return {
    population: {
      district: populationFigure(communities, coverage, minutes, at),
      streets: figures.filter((f) => f.withFigure > 0),
    },
  };
}
