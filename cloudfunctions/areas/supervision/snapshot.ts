import { beijingDate } from '../../../types/time';
import { SNAPSHOT_MINUTES, type IndexFigure, type IndexSnapshot, type SnapshotFigure } from '../../../types';
import { readAll, type Store } from '../../store/port';
import { indexFigure, loadCoverage } from '../coverage';

const keep = (f: IndexFigure): SnapshotFigure => ({ located: f.located, served: f.served, index: f.index });

/**
 * Keeps today's convenience index (Beijing day) for the district and every street at 8 / 10 / 15 minutes, from the
 * coverage read model. The id is the day, so running twice a day (or after a restart) still keeps one snapshot: the
 * later run replaces the day's figures.
 */
export async function takeSnapshot(store: Store, now: Date): Promise<IndexSnapshot> {
  const [communities, streets, coverage] = await Promise.all([
    readAll(store, 'communities'),
    readAll(store, 'streets'),
    loadCoverage(store),
  ]);
  const date = beijingDate(now);
  const figures = Object.fromEntries(
    SNAPSHOT_MINUTES.map((m) => [
      `m${m}`,
      {
        district: keep(indexFigure(communities, coverage, m)),
        streets: Object.fromEntries(
          streets.map((s) => [
            s.code,
            keep(
              indexFigure(
                communities.filter((c) => c.streetCode === s.code),
                coverage,
                m,
              ),
            ),
          ]),
        ),
      },
    ]),
  ) as IndexSnapshot['figures'];
  const snapshot: IndexSnapshot = { id: date, date, takenAt: now.toISOString(), figures };
  await store.set('indexSnapshots', date, snapshot);
  return snapshot;
}

/** Snapshots from `since` (a Beijing date) on, oldest first. */
export async function snapshotsSince(store: Store, since: string): Promise<IndexSnapshot[]> {
  return readAll(store, 'indexSnapshots', { date: { gte: since } }, { field: 'date', direction: 'asc' });
}
