import type { Outlet, OutletDetail, OutletRatings, OutletView, PublicOutlet } from '../../../types';
import { getManyMap, type Store } from '../../store/port';
import { describeDay, describeToday, isAllDay, isOpenAt, WEEKDAY_NAMES } from '../../core/hours';
import { displayMinutes } from '../../core/reach';

/** What anyone may see of an outlet: not its owner's account, its business id, nor the review's internals. */
export function publicOutlet(outlet: Outlet): PublicOutlet {
  // A document kept by the store (frozen, shared by searches) is cut down once.
  const known = Object.isFrozen(outlet) ? publicOf.get(outlet) : undefined;
  if (known) return known;
  const {
    ownerOpenid: _owner,
    businessId: _business,
    pendingChanges: _changes,
    reviewNote: _note,
    reviewSeq: _seq,
    needsReview: _needs,
    ...rest
  } = outlet;
  if (Object.isFrozen(outlet)) publicOf.set(outlet, rest);
  return rest;
}
const publicOf = new WeakMap<Outlet, PublicOutlet>();

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

/** Aggregates kept per process while no rating is written (the write counter of `outletRatings`). */
const keptRatings = new WeakMap<Store, { version: number; byId: Map<string, OutletRatings | null> }>();
/** Aggregates kept at most (then the process starts again empty). */
const KEPT_RATINGS = 50_000;

/**
 * The rating aggregates of some outlets, read by id (an aggregate's id is its outlet's) in one batch — only those
 * this process has not read since the last rating anywhere.
 */
export async function ratingsOf(store: Store, ids: string[]): Promise<Map<string, OutletRatings>> {
  const [version] = await store.versions(['outletRatings']);
  let kept = keptRatings.get(store);
  if (!kept || kept.version !== version || kept.byId.size > KEPT_RATINGS)
    keptRatings.set(store, (kept = { version, byId: new Map() }));
  const missing = ids.filter((id) => !kept.byId.has(id));
  if (missing.length) {
    const found = await getManyMap(store, 'outletRatings', missing);
    for (const id of missing) kept.byId.set(id, found.get(id) ?? null);
  }
  const out = new Map<string, OutletRatings>();
  for (const id of ids) {
    const r = kept.byId.get(id);
    if (r) out.set(id, r);
  }
  return out;
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
