import type { Outlet, OutletDetail, OutletView } from '../../types';
import { describeDay, describeToday, isAllDay, isOpenAt, WEEKDAY_NAMES } from '../core/hours';
import { displayMinutes } from '../core/reach';

/** How a resident sees an outlet at an instant, optionally from a point `meters` away. */
export function outletView(outlet: Outlet, at: Date, meters: number | null = null): OutletView {
  return {
    outlet,
    meters: meters === null ? null : Math.round(meters),
    minutes: meters === null ? null : displayMinutes(meters),
    openNow: !outlet.temporarilyClosed && isOpenAt(outlet.hours, at),
    todayHours: outlet.temporarilyClosed ? '暂停营业' : describeToday(outlet.hours, at),
  };
}

export function outletDetail(outlet: Outlet, at: Date): OutletDetail {
  return {
    ...outletView(outlet, at),
    week: outlet.hours.week.map((ranges, i) => ({ day: WEEKDAY_NAMES[i], hours: describeDay(ranges) })),
    allDay: isAllDay(outlet.hours),
  };
}
