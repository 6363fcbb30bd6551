import { BASIC_CATEGORIES, type Community, type CoverageReport, type Req } from '../../../types';
import type { Ctx } from '../../router/define';
import { readAll, type MetaDoc, type Store, type VersionedCollection } from '../../store/port';
import { activeEvents } from '../events';
import { basicName, indexFigure, loadCoverage, missingOf } from './model';
import { populationReport } from './population';
import { popUpFigure } from './popup';
import { coverageVersion } from './version';

/** What a report is built from besides the coverage read model (whose own version is read apart). */
const INPUTS: readonly VersionedCollection[] = ['streets', 'communities', 'circles', 'events'];
/** Reports kept per process (district, each street, a few walks and instants): the least recently asked go. */
const KEPT = 64;

interface Kept {
  report: CoverageReport;
  /** The report is only true until this instant (ms): when the first counted event ends. */
  until: number;
}
const kept = new WeakMap<Store, Map<string, Kept>>();

/**
 * The report from this process's memory while nothing it is built from has changed: the write counters of streets,
 * communities, circles and events, the coverage version and its computing time, and — without `openAt` — until the
 * first counted event ends. A request then reads three small documents instead of every community and circle.
 */
export async function coverageReport(ctx: Ctx, input: Req<'coverage.report'>): Promise<CoverageReport> {
  const { store, now } = ctx;
  const [versions, version, meta] = await Promise.all([
    store.versions(INPUTS),
    coverageVersion(store),
    store.get('meta', 'coverage'),
  ]);
  const key = JSON.stringify([
    versions,
    version,
    meta?.updatedAt ?? null,
    input.minutes ?? 10,
    input.openAt ?? null,
    input.streetCode ?? null,
  ]);
  let reports = kept.get(store);
  if (!reports) kept.set(store, (reports = new Map()));
  const hit = reports.get(key);
  if (hit && now().getTime() < hit.until) {
    // Most recently asked last, so the oldest is the first to go.
    reports.delete(key);
    reports.set(key, hit);
    return hit.report;
  }
  const fresh = await buildReport(ctx, input, meta);
  reports.set(key, fresh);
  while (reports.size > KEPT) reports.delete(reports.keys().next().value as string);
  return fresh.report;
}

/**
 * The share of located communities that reach all eight basic services within `minutes` (open at `openAt` when
 * given), for the district, each street and each circle, with the unlocated communities counted apart.
 */
async function buildReport(
  { store, now }: Ctx,
  { minutes = 10, openAt, streetCode: street }: Req<'coverage.report'>,
  meta: MetaDoc | null,
): Promise<Kept> {
  const at = openAt ? new Date(openAt) : undefined;
  const byStreet = street ? { streetCode: street } : undefined;
  const [communities, coverage, allStreets, circles, events] = await Promise.all([
    readAll(store, 'communities', byStreet),
    loadCoverage(store, street),
    readAll(store, 'streets'),
    readAll(store, 'circles', byStreet),
    activeEvents(store, at ?? now()),
  ]);
  // Without an instant the pop-up figure counts every event not yet over: true until the first of them ends.
  const until = at ? Infinity : Math.min(Infinity, ...events.map((e) => Date.parse(e.endAt) + 1));
  const streets = allStreets.filter((s) => !street || s.code === street);
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const locatedList = communities.filter((c) => c.location);
  const report: CoverageReport = {
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
  return { report, until };
}
