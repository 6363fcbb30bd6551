import { BASIC_CATEGORIES, type Circle, type CircleDetail, type Community, type Req, type Res } from '../../../types';
import { nearestWithin } from '../../core/coverage';
import { AppError } from '../../core/errors';
import { displayMinutes, metersBetween, reachMeters } from '../../core/reach';
import type { Ctx } from '../../router/define';
import { getManyMap, readAll, type Store } from '../../store/port';
import { basicName, indexFigure, loadCoverage, missingOf } from '../coverage';
import { effectiveCentre } from './reach-check';

/**
 * Badges and page of one circle, from the coverage read model, at the circle's own reach (8 minutes for a pilot).
 * Members without a location are listed (位置待补充) and counted in the circle but not in its index; a located member
 * beyond reach of the centre is flagged (`withinReach: false`, `misplaced`).
 */
export async function describe(
  store: Store,
  circle: Circle,
  communities?: Map<string, Community>,
  streetCoverage?: Awaited<ReturnType<typeof loadCoverage>>,
): Promise<CircleDetail> {
  const known = communities ?? (await getManyMap(store, 'communities', circle.members));
  const members = circle.members.map((code) => known.get(code)).filter((c): c is Community => !!c);
  const coverage = streetCoverage ?? (await loadCoverage(store, circle.streetCode));
  const reach = reachMeters(circle.minutes);
  const locatedMembers = members.filter((c) => c.location);
  // A centre set before any member had a location follows the members as they are located.
  const centre = effectiveCentre(circle, locatedMembers);
  const within = (c: Community) => !!c.location && metersBetween(c.location.coordinates, centre) <= reach;
  const categories = BASIC_CATEGORIES.map((cat) => {
    const nearest = locatedMembers
      .map((c) => coverage.get(c.code)?.categories[cat]?.[0]?.meters)
      .filter((m): m is number => m !== undefined);
    const covered = locatedMembers.filter((c) =>
      nearestWithin(coverage.get(c.code)?.categories[cat] ?? [], circle.minutes),
    ).length;
    return {
      category: cat,
      name: basicName(cat),
      minutes: nearest.length ? displayMinutes(Math.max(...nearest)) : null,
      coveredMembers: covered,
      missing: locatedMembers.length === 0 || covered < locatedMembers.length,
    };
  });
  return {
    circle,
    members: members.map((c) => ({
      code: c.code,
      name: c.name,
      located: !!c.location,
      withinReach: within(c),
      missing: c.location ? missingOf(coverage.get(c.code), circle.minutes) : [],
    })),
    categories,
    basicCovered: categories.filter((c) => !c.missing).length,
    figure: indexFigure(members, coverage, circle.minutes),
    unlocated: members.filter((c) => !c.location).map((c) => c.code),
    misplaced: locatedMembers.filter((c) => !within(c)).map((c) => c.code),
  };
}

/** Every circle (of a street) with its badges. */
export async function listCircles(
  { store }: Ctx,
  { streetCode: street }: Req<'circles.list'>,
): Promise<Res<'circles.list'>> {
  const byStreet = street ? { streetCode: street } : undefined;
  const [circles, all, coverage] = await Promise.all([
    readAll(store, 'circles', byStreet),
    readAll(store, 'communities', byStreet),
    loadCoverage(store, street),
  ]);
  const communities = new Map(all.map((c) => [c.code, c]));
  const sorted = circles.sort((a, b) => (a.streetCode + a.id < b.streetCode + b.id ? -1 : 1));
  const details = await Promise.all(sorted.map((circle) => describe(store, circle, communities, coverage)));
  return details.map((d) => ({
    circle: d.circle,
    basicCovered: d.basicCovered,
    figure: d.figure,
    misplaced: d.misplaced?.length ?? 0,
  }));
}

/** One circle with its members and services. */
export async function getCircle({ store }: Ctx, { id }: Req<'circles.get'>): Promise<CircleDetail> {
  const circle = await store.get('circles', id);
  if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
  return describe(store, circle);
}
