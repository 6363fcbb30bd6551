import type { Outlet, OutletDetail, OutletRatings, OutletView } from '../../types';
import { MAX_PAGE, type Store } from '../store/port';
import { describeDay, describeToday, isAllDay, isOpenAt, WEEKDAY_NAMES } from '../core/hours';
import { displayMinutes } from '../core/reach';

/** How a resident sees an outlet at an instant, optionally from a point `meters` away. */
export function outletView(
  outlet: Outlet,
  at: Date,
  meters: number | null = null,
  ratings: OutletRatings | null = null,
): OutletView {
  return {
    outlet,
    meters: meters === null ? null : Math.round(meters),
    minutes: meters === null ? null : displayMinutes(meters),
    openNow: !outlet.temporarilyClosed && isOpenAt(outlet.hours, at),
    todayHours: outlet.temporarilyClosed ? '暂停营业' : describeToday(outlet.hours, at),
    score: ratings ? { bayes: Math.round(ratings.bayes * 100) / 100, count: ratings.count } : null,
  };
}

/** The rating aggregates of some outlets, in one query per hundred. */
export async function ratingsOf(store: Store, ids: string[]): Promise<Map<string, OutletRatings>> {
  const out = new Map<string, OutletRatings>();
  for (let i = 0; i < ids.length; i += MAX_PAGE) {
    const page = await store.query('outletRatings', { where: { outletId: { in: ids.slice(i, i + MAX_PAGE) } } });
    for (const r of page.items) out.set(r.outletId, r);
  }
  return out;
}

export function outletDetail(outlet: Outlet, at: Date, ratings: OutletRatings | null = null): OutletDetail {
  return {
    ...outletView(outlet, at, null, ratings),
    histogram: ratings?.histogram ?? [0, 0, 0, 0, 0],
    week: outlet.hours.week.map((ranges, i) => ({ day: WEEKDAY_NAMES[i], hours: describeDay(ranges) })),
    allDay: isAllDay(outlet.hours),
  };
}
