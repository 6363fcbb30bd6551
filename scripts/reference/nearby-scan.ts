import Database from 'better-sqlite3';
import path from 'node:path';
import type { Outlet } from '../../types';
import { metersBetween } from '../../cloudfunctions/core/reach';

/**
 * The benchmark's reference for nearby search: the same answer as `store.nearby` without the spatial index — every
 * approved outlet row of the store's SQLite file is read and measured. Opens its own read-only connection.
 */
export class NearbyScan {
  private readonly db: Database.Database;
  private readonly stmt: Database.Statement;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
    this.stmt = this.db.prepare(
      `SELECT id, json_extract(doc, '$.location.coordinates[0]') AS lng,
         json_extract(doc, '$.location.coordinates[1]') AS lat, doc
       FROM outlets WHERE json_extract(doc, '$.status') = 'approved'`,
    );
  }

  /** The `limit` nearest approved outlets within `maxMeters`, ties by id. */
  nearest(center: [number, number], maxMeters: number, limit: number): { id: string; meters: number; doc: Outlet }[] {
    const rows = this.stmt.all() as { id: string; lng: number; lat: number; doc: string }[];
    const hits: { id: string; meters: number; raw: string }[] = [];
    for (const r of rows) {
      const meters = metersBetween(center, [r.lng, r.lat]);
      if (meters <= maxMeters) hits.push({ id: r.id, meters, raw: r.doc });
    }
    hits.sort((a, b) => a.meters - b.meters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits.slice(0, limit).map((h) => ({ id: h.id, meters: h.meters, doc: JSON.parse(h.raw) as Outlet }));
  }

  close(): void {
    this.db.close();
  }
}
