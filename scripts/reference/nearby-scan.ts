import Database from 'better-sqlite3';
import path from 'node:path';
import type { Outlet } from '../../types';
import { metersBetween } from '../../cloudfunctions/core/reach';

/**
 * The benchmark's reference for nearby search: the same answer as `store.nearby` without the spatial index — every
 * approved outlet row of the store's SQLite file is read (its id and point) and measured, and the documents of the
 * nearest are read by id. Opens its own read-only connection.
 */
export class NearbyScan {
  private readonly db: Database.Database;
  private readonly stmt: Database.Statement;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
    this.stmt = this.db.prepare(
      `SELECT id, json_extract(doc, '$.location.coordinates[0]') AS lng,
         json_extract(doc, '$.location.coordinates[1]') AS lat
       FROM outlets WHERE json_extract(doc, '$.status') = 'approved'`,
    );
    this.docs = this.db.prepare(`SELECT id, doc FROM outlets WHERE id IN (SELECT value FROM json_each(?))`);
  }

  private readonly docs: Database.Statement;

  /** The `limit` nearest approved outlets within `maxMeters`, ties by id. */
  nearest(center: [number, number], maxMeters: number, limit: number): { id: string; meters: number; doc: Outlet }[] {
    const hits: { id: string; meters: number }[] = [];
    for (const r of this.stmt.iterate() as IterableIterator<{ id: string; lng: number; lat: number }>) {
      const meters = metersBetween(center, [r.lng, r.lat]);
      if (meters <= maxMeters) hits.push({ id: r.id, meters });
    }
    hits.sort((a, b) => a.meters - b.meters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const nearest = hits.slice(0, limit);
    const raw = new Map(
      (this.docs.all(JSON.stringify(nearest.map((h) => h.id))) as { id: string; doc: string }[]).map((r) => [
        r.id,
        r.doc,
      ]),
    );
    return nearest.map((h) => ({ id: h.id, meters: h.meters, doc: JSON.parse(raw.get(h.id)!) as Outlet }));
  }

  close(): void {
    this.db.close();
  }
}
