import type { Outlet, OutletDetail, OutletRatings, OutletView, PublicOutlet } from '../../../types';
import { getManyMap, type Store } from '../../store/port';
import { describeDay, describeToday, isAllDay, isOpenAt, WEEKDAY_NAMES } from '../../core/hours';
import { displayMinutes } from '../../core/reach';

/** What anyone may see of an outlet: not its owner's account, its business id, nor the review's internals. */
export function publicOutlet(outlet: Outlet): PublicOutlet {
  const {
    ownerOpenid: _owner,
    businessId: _business,
    pendingChanges: _changes,
    reviewNote: _note,
    reviewSeq: _seq,
    needsReview: _needs,
    ...rest
  } = outlet;
  return rest;
}

/** How a resident sees an outlet at an instant, optionally from a point `meters` away. */
export function outletView(
  outlet: Outlet,
  at: Date,
  meters: number | null = null,
  ratings: OutletRatings | null = null,
): OutletView {
  return {
    outlet: publicOutlet(outlet),
    meters: meters === null ? null : Math.round(meters),
    minutes: meters === null ? null : displayMinutes(meters),
    openNow: !outlet.temporarilyClosed && isOpenAt(outlet.hours, at),
    todayHours: outlet.temporarilyClosed ? '暂停营业' : describeToday(outlet.hours, at),
    score: ratings ? { bayes: Math.round(ratings.bayes * 100) / 100, count: ratings.count } : null,
  };
}

/** The rating aggregates of some outlets, read by id (an aggregate's id is its outlet's) in one batch. */
export async function ratingsOf(store: Store, ids: string[]): Promise<Map<string, OutletRatings>> {
  return getManyMap(store, 'outletRatings', ids);
}

export function outletDetail(
  outlet: Outlet,
  at: Date,
  ratings: OutletRatings | null = null,
  caller: string | null = null,
): OutletDetail {
  return {
    ...outletView(outlet, at, null, ratings),
    mine: !!caller && outlet.ownerOpenid === caller,
    histogram: ratings?.histogram ?? [0, 0, 0, 0, 0],
    week: outlet.hours.week.map((ranges, i) => ({ day: WEEKDAY_NAMES[i], hours: describeDay(ranges) })),
    allDay: isAllDay(outlet.hours),
  };
}
