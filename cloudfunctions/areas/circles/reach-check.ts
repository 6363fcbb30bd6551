import type { Circle, Community } from '../../../types';
import { enclosingCentre, LEVEL_FIELD } from '../../core/circles';
import { metersBetween, reachMeters } from '../../core/reach';
import { getManyMap, type Store } from '../../store/port';

/**
 * The centre a circle's members are checked against: its own, or — when it was set before any member had a
 * location (`centreEstimated`) — the centre of its members located since.
 */
export function effectiveCentre(circle: Circle, locatedMembers: Community[]): [number, number] {
  return circle.centreEstimated && locatedMembers.length
    ? enclosingCentre(locatedMembers.map((c) => c.location!.coordinates))
    : circle.centre.coordinates;
}

export interface Misplacement {
  code: string;
  circleId: string;
  circleName: string;
  meters: number;
  minutes: number;
}

/**
 * The within-reach check for communities that were just located: those now beyond their circle's reach of its
 * centre (at the circle's level of 8, 10 or 15 minutes), to be flagged where they were located.
 */
export async function misplacedAmong(store: Store, located: Community[]): Promise<Misplacement[]> {
  const ids = located.flatMap((c) => [c[LEVEL_FIELD.ten], c[LEVEL_FIELD.fifteen]]).filter((x): x is string => !!x);
  if (!ids.length) return [];
  const circles = await getManyMap(store, 'circles', ids);
  const members = await getManyMap(
    store,
    'communities',
    [...circles.values()].flatMap((c) => c.members),
  );
  const out: Misplacement[] = [];
  for (const c of located) {
    for (const id of [c[LEVEL_FIELD.ten], c[LEVEL_FIELD.fifteen]]) {
      const circle = id ? circles.get(id) : undefined;
      if (!circle || !c.location) continue;
      const locatedMembers = circle.members.map((m) => members.get(m)).filter((m): m is Community => !!m?.location);
      const meters = metersBetween(c.location.coordinates, effectiveCentre(circle, locatedMembers));
      if (meters > reachMeters(circle.minutes))
        out.push({ code: c.code, circleId: circle.id, circleName: circle.name, meters, minutes: circle.minutes });
    }
  }
  return out;
}
