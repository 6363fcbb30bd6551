import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '../../../types';
import { AppError } from '../../core/errors';
import { Mutex } from '../mutex';
import { boxAround, metersBetween } from '../../core/reach';
import {
  badCursor,
  byDistance,
  checkField,
  COLLECTIONS,
  GEO_COLLECTIONS,
  nearbyLimit,
  decodeCursor,
  encodeCursor,
  pageLimit,
  type CollectionName,
  type Collections,
  type Condition,
  type GeoCollection,
  type Near,
  type NearbyOptions,
  type QueryOptions,
  type Scalar,
  type Store,
  type Transaction,
  type Where,
} from '../port';
import { migrate } from './migrations';

type Param = string | number | null;

function table(collection: CollectionName): string {
  if (!(COLLECTIONS as readonly string[]).includes(collection)) throw new Error(`unknown collection ${collection}`);
  return collection;
}

const expr = (field: string) => `json_extract(doc, '$.${checkField(field)}')`;

/** SQLite stores booleans in JSON as 1/0, which is what json_extract answers. */
function param(v: Scalar): Param {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function compile(where: Where | undefined, sql: string[], params: Param[]): void {
  for (const [field, cond] of Object.entries(where ?? {})) compileOne(field, cond, sql, params);
}

function compileOne(field: string, cond: Condition, sql: string[], params: Param[]): void {
  const e = expr(field);
  if (cond === null) {
    sql.push(`${e} IS NULL`);
  } else if (typeof cond !== 'object') {
    sql.push(`${e} = ?`);
    params.push(param(cond));
  } else if ('in' in cond) {
    if (cond.in.length === 0) sql.push('0');
    else {
      sql.push(`${e} IN (${cond.in.map(() => '?').join(',')})`);
      params.push(...cond.in.map(param));
    }
  } else if ('contains' in cond) {
    sql.push(`instr(${e}, ?) > 0`);
    params.push((cond as { contains: string }).contains);
  } else if ('anyOf' in cond || 'allOf' in cond) {
    const any = 'anyOf' in cond;
    const list = (any ? (cond as { anyOf: Scalar[] }).anyOf : (cond as { allOf: Scalar[] }).allOf) ?? [];
    const values = [...new Set(list)].map(param);
    const each = `SELECT value FROM json_each(doc, '$.${checkField(field)}') WHERE value IN (${values.map(() => '?').join(',')})`;
    if (values.length === 0) sql.push(any ? '0' : '1');
    else if (any) sql.push(`EXISTS (${each})`);
    else sql.push(`(SELECT count(DISTINCT value) FROM (${each})) = ${values.length}`);
    params.push(...(values.length ? values : []));
  } else if ('exists' in cond) {
    sql.push(`json_type(doc, '$.${checkField(field)}') IS ${cond.exists ? 'NOT NULL' : 'NULL'}`);
  } else {
    const ops: [keyof typeof cond, string][] = [
      ['gt', '>'],
      ['gte', '>='],
      ['lt', '<'],
      ['lte', '<='],
    ];
    for (const [k, op] of ops)
      if (cond[k] !== undefined) {
        sql.push(`${e} ${op} ?`);
        params.push(param(cond[k] as Scalar));
      }
  }
}

function isGeo(collection: CollectionName): collection is GeoCollection {
  return (GEO_COLLECTIONS as readonly string[]).includes(collection);
}

/** Measures candidates exactly (from the document's own coordinates), keeps those in reach, nearest first. */
function nearest<T>(
  rows: { id: string; doc: string; lng: number | null; lat: number | null }[],
  options: NearbyOptions,
): Near<T>[] {
  const hits: { id: string; doc: string; meters: number }[] = [];
  for (const r of rows) {
    if (r.lng === null || r.lat === null) continue;
    const meters = metersBetween(options.center, [r.lng, r.lat]);
    if (meters <= options.maxMeters) hits.push({ id: r.id, doc: r.doc, meters });
  }
  hits.sort(byDistance);
  return hits
    .slice(0, nearbyLimit(options.limit))
    .map((h) => ({ id: h.id, meters: h.meters, doc: JSON.parse(h.doc) as T }));
}

function readField(doc: unknown, field: string): Scalar {
  let v: unknown = doc;
  for (const part of field.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v === undefined ? null : (v as Scalar);
}

/**
 * The embedded store: one SQLite file in `dataDir` (WAL), documents as JSON. better-sqlite3 is synchronous,
 * so every operation is serialised through one mutex; a transaction holds it from BEGIN IMMEDIATE to COMMIT,
 * which makes transactions serialisable.
 */
export class SqliteStore implements Store {
  private readonly mutex = new Mutex();
  private closed = false;

  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  /** Prepared statements are kept: the same SQL text is compiled once. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Opens (creating if needed) `<dataDir>/store.sqlite`, or an in-memory database for `':memory:'`. */
  static open(dataDir: string): SqliteStore {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      fs.mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, 'store.sqlite');
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return new SqliteStore(db);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  get journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  // --- single-document operations, shared by the store and its transactions -----------------------------

  private getNow<C extends CollectionName>(collection: C, id: string): Collections[C] | null {
    const row = this.stmt(`SELECT doc FROM ${table(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Collections[C]) : null;
  }

  private setNow<C extends CollectionName>(collection: C, id: string, doc: Collections[C]): void {
    this.stmt(
      `INSERT INTO ${table(collection)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
    ).run(id, JSON.stringify(doc));
    if (isGeo(collection)) this.indexPoint(collection, id, (doc as { location?: unknown }).location);
  }

  /** Keeps the R*Tree in step with the document's `location`. */
  private indexPoint(collection: GeoCollection, id: string, location: unknown): void {
    const { rowid } = this.stmt(`SELECT rowid FROM ${table(collection)} WHERE id = ?`).get(id) as { rowid: number };
    this.stmt(`DELETE FROM ${collection}_geo WHERE rid = ?`).run(rowid);
    const c = (location as { coordinates?: unknown } | null)?.coordinates;
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
      this.stmt(`INSERT INTO ${collection}_geo VALUES (?, ?, ?, ?, ?)`).run(rowid, c[0], c[0], c[1], c[1]);
  }

  private updateNow<C extends CollectionName>(collection: C, id: string, patch: Partial<Collections[C]>): void {
    const current = this.getNow(collection, id);
    if (!current) throw new AppError('NOT_FOUND');
    this.setNow(collection, id, { ...current, ...patch });
  }

  private removeNow(collection: CollectionName, id: string): void {
    if (isGeo(collection))
      this.stmt(`DELETE FROM ${collection}_geo WHERE rid IN (SELECT rowid FROM ${table(collection)} WHERE id = ?)`).run(
        id,
      );
    this.stmt(`DELETE FROM ${table(collection)} WHERE id = ?`).run(id);
  }

  private run<T>(work: () => T | PromiseLike<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return this.mutex.run(work);
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    return this.run(() => this.getNow(collection, id));
  }

  set<C extends CollectionName>(collection: C, id: string, doc: Collections[C]): Promise<void> {
    return this.run(() => this.setNow(collection, id, doc));
  }

  update<C extends CollectionName>(collection: C, id: string, patch: Partial<Collections[C]>): Promise<void> {
    return this.run(() => this.updateNow(collection, id, patch));
  }

  remove(collection: CollectionName, id: string): Promise<void> {
    return this.run(() => this.removeNow(collection, id));
  }

  query<C extends CollectionName>(collection: C, options: QueryOptions = {}): Promise<Page<Collections[C]>> {
    return this.run(() => {
      const sql: string[] = [];
      const params: Param[] = [];
      compile(options.where, sql, params);
      const orderField = options.orderBy?.field;
      const desc = options.orderBy?.direction === 'desc';
      const orderExpr = orderField ? expr(orderField) : 'id';
      if (options.cursor) {
        const c = decodeCursor(options.cursor);
        if (!c) throw badCursor();
        const [value, id] = c;
        const cmp = desc ? '<' : '>';
        if (orderField) {
          sql.push(`(${orderExpr} ${cmp} ? OR (${orderExpr} = ? AND id ${cmp} ?))`);
          params.push(param(value), param(value), id);
        } else {
          sql.push(`id ${cmp} ?`);
          params.push(id);
        }
      }
      const limit = pageLimit(options.limit);
      const dir = desc ? 'DESC' : 'ASC';
      const order = orderField ? `${orderExpr} ${dir}, id ${dir}` : `id ${dir}`;
      const rows = this.stmt(
        `SELECT id, doc FROM ${table(collection)}${sql.length ? ` WHERE ${sql.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`,
      ).all(...params, limit + 1) as { id: string; doc: string }[];
      const more = rows.length > limit;
      const pageRows = more ? rows.slice(0, limit) : rows;
      const items = pageRows.map((r) => JSON.parse(r.doc) as Collections[C]);
      const last = pageRows[pageRows.length - 1];
      const nextCursor =
        more && last ? encodeCursor(orderField ? readField(items[items.length - 1], orderField) : null, last.id) : null;
      return { items, nextCursor };
    });
  }

  count(collection: CollectionName, where?: Where): Promise<number> {
    return this.run(() => {
      const sql: string[] = [];
      const params: Param[] = [];
      compile(where, sql, params);
      const row = this.stmt(
        `SELECT count(*) AS n FROM ${table(collection)}${sql.length ? ` WHERE ${sql.join(' AND ')}` : ''}`,
      ).get(...params) as { n: number };
      return row.n;
    });
  }

  nearby<C extends GeoCollection>(collection: C, options: NearbyOptions): Promise<Near<Collections[C]>[]> {
    return this.run(() => {
      const [minLng, minLat, maxLng, maxLat] = boxAround(options.center, options.maxMeters);
      const sql = ['g.minLng >= ?', 'g.maxLng <= ?', 'g.minLat >= ?', 'g.maxLat <= ?'];
      const params: Param[] = [minLng, maxLng, minLat, maxLat];
      compile(options.where, sql, params);
      const rows = this.stmt(
        `SELECT o.id AS id, o.doc AS doc, json_extract(o.doc, '$.location.coordinates[0]') AS lng,
             json_extract(o.doc, '$.location.coordinates[1]') AS lat
           FROM ${collection}_geo g JOIN ${table(collection)} o ON o.rowid = g.rid WHERE ${sql.join(' AND ')}`,
      ).all(...params) as { id: string; doc: string; lng: number; lat: number }[];
      return nearest<Collections[C]>(rows, options);
    });
  }

  /**
   * The same answer as `nearby` without the spatial index: every document is read and measured. Only for
   * benchmarks and for checking the index; never on a request path.
   */
  nearbyByScan<C extends GeoCollection>(collection: C, options: NearbyOptions): Promise<Near<Collections[C]>[]> {
    return this.run(() => {
      const sql: string[] = [];
      const params: Param[] = [];
      compile(options.where, sql, params);
      const rows = this.stmt(
        `SELECT id, doc, json_extract(doc, '$.location.coordinates[0]') AS lng,
             json_extract(doc, '$.location.coordinates[1]') AS lat
           FROM ${table(collection)}${sql.length ? ` WHERE ${sql.join(' AND ')}` : ''}`,
      ).all(...params) as { id: string; doc: string; lng: number | null; lat: number | null }[];
      return nearest<Collections[C]>(rows, options);
    });
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.run(async () => {
      let open = true;
      const guard = () => {
        if (!open) throw new Error('transaction already finished');
      };
      const tx: Transaction = {
        get: async (c, id) => (guard(), this.getNow(c, id)),
        set: async (c, id, doc) => (guard(), this.setNow(c, id, doc)),
        update: async (c, id, patch) => (guard(), this.updateNow(c, id, patch)),
        remove: async (c, id) => (guard(), this.removeNow(c, id)),
      };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        open = false;
      }
    });
  }

  async close(): Promise<void> {
    await this.run(() => undefined);
    this.closed = true;
    this.db.close();
  }
}
