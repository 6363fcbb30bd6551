import type { CategoryId, Community, CommunityCoverage, CommunityEvent } from '../../../types';
import { metersBetween, reachMeters } from '../../core/reach';
import { missingOf } from './model';

/**
 * Pop-up coverage: a community counts as served "with pop-ups" when the services offered at events within reach of
 * it fill what it lacks. With `at`, only events under way at that instant count; without, every event not yet over.
 */
export function popUpFigure(
  located: Community[],
  coverage: Map<string, CommunityCoverage>,
  events: CommunityEvent[],
  minutes: number,
  at?: Date,
) {
  const live = at
    ? events.filter((e) => Date.parse(e.startAt) <= at.getTime() && at.getTime() <= Date.parse(e.endAt))
    : events;
  const reach = reachMeters(minutes);
  let served = 0;
  let reached = 0;
  for (const c of located) {
    const offered = new Set(
      live
        .filter((e) => metersBetween(e.location.coordinates, c.location!.coordinates) <= reach)
        .flatMap((e) => e.categories),
    );
    if (offered.size) reached++;
    if (missingOf(coverage.get(c.code), minutes, at).every((cat) => offered.has(cat as CategoryId))) served++;
  }
  return {
    events: live.length,
    served,
    index: located.length ? served / located.length : null,
    communitiesReached: reached,
  };
}
