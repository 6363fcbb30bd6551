import { SNAPSHOT_MINUTES, type Dashboard, type DashboardStreet, type Req } from '../../../types';
import { beijing, beijingDate } from '../../../types/time';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';
import { indexFigure, loadCoverage } from '../coverage';
import { demandFigures, eventFigures, outletFigures, ratingFigures, surveyFigures } from './dashboard-figures';
import { scopedStreet } from './scope';
import { snapshotsSince } from './snapshot';

/** How far back the trend goes. */
const TREND_DAYS = 365;

/** Open warnings (new or being handled) of a street, from the warnings area's collection. */
async function openWarnings(store: Store, streetCode: string): Promise<number> {
  return store.count('warnings', { streetCode, status: { in: ['new', 'handling'] } });
}

/**
 * The district's (or one street's) supervision figures: the 10-minute index now and over time (daily snapshots),
 * a line per street — whose index is computed exactly as `coverage.report` computes it, from the same read model —
 * and outlets, demand, ratings, events and surveys.
 */
export async function dashboard(ctx: SignedInCtx, { streetCode }: Req<'supervision.dashboard'>): Promise<Dashboard> {
  const { store } = ctx;
  const now = ctx.now();
  const street = scopedStreet(ctx, streetCode);
  const byStreet = street ? { streetCode: street } : undefined;
  const [allStreets, communities, coverage, circles, reports, meta, snapshots] = await Promise.all([
    readAll(store, 'streets'),
    readAll(store, 'communities', byStreet),
    loadCoverage(store, street ?? undefined),
    readAll(store, 'circles', byStreet),
    readAll(store, 'demandReports', byStreet),
    store.get('meta', 'coverage'),
    snapshotsSince(store, beijingDate(now.getTime() - TREND_DAYS * 24 * 3600 * 1000)),
  ]);
  const streets = allStreets.filter((s) => !street || s.code === street);
  if (street && !streets.length) throw new AppError('NOT_FOUND', '未找到该街道', 'streetCode');
  const warnings = await Promise.all(streets.map((s) => openWarnings(store, s.code)));
  const rows: DashboardStreet[] = streets.map((s, i) => {
    const own = communities.filter((c) => c.streetCode === s.code);
    const ownCircles = circles.filter((c) => c.streetCode === s.code && c.minutes !== 15);
    const figure = indexFigure(own, coverage, 10);
    return {
      code: s.code,
      name: s.name,
      communities: own.length,
      located: figure.located,
      figure,
      circles: {
        planned: ownCircles.filter((c) => c.status === 'planned').length,
        building: ownCircles.filter((c) => c.status === 'building').length,
        built: ownCircles.filter((c) => c.status === 'built').length,
      },
      openWarnings: warnings[i],
      openDemand: reports.filter((r) => r.streetCode === s.code && r.status !== 'resolved').length,
    };
  });
  const trend = snapshots.flatMap((snap) =>
    SNAPSHOT_MINUTES.map((m) => {
      const f = snap.figures[`m${m}`];
      return { date: snap.date, minutes: m, index: (street ? f?.streets[street] : f?.district)?.index ?? null };
    }),
  );
  const [outlets, ratings, events, surveys] = await Promise.all([
    outletFigures(store, street),
    ratingFigures(store, street),
    eventFigures(store, street, now, beijing(now).year()),
    surveyFigures(store, street),
  ]);
  return {
    scope: street ? { kind: 'street', streetCode: street, streetName: streets[0].name } : { kind: 'district' },
    computedAt: meta?.updatedAt ?? null,
    figure: indexFigure(communities, coverage, 10),
    trend,
    streets: rows,
    outlets,
    demand: demandFigures(reports),
    ratings,
    events,
    surveys,
  };
}
