import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import KDBush from 'kdbush';
import type { Page } from '../../../types';
import { AppError } from '../../core/errors';
import { Mutex } from '../mutex';
import { kdNearest } from '../../core/kd-nearest';
import { boxAround, metersBetween } from '../../core/reach';
import {
  badCursor,
  byDistance,
  checkField,
  COLLECTIONS,
  GEO_COLLECTIONS,
  isAfter,
  nearbyLimit,
  decodeCursor,
  decodeNearCursor,
  encodeCursor,
  pageOf,
  pageLimit,
  readField,
  type CollectionName,
  type Collections,
  type Condition,
  type GeoCollection,
  type Near,
  type NearPage,
  type NearbyOptions,
  type QueryOptions,
  type Scalar,
  type Store,
  type Transaction,
  type VersionedCollection,
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

/**
 * Turns conditions into SQL. `columns` names fields that a query can read from a real column (the spatial
 * index's auxiliary columns) instead of the JSON document.
 */
function compile(where: Where | undefined, sql: string[], params: Param[], columns: Record<string, string> = {}): void {
  for (const [field, cond] of Object.entries(where ?? {})) compileOne(field, cond, sql, params, columns[field]);
}

function compileOne(field: string, cond: Condition, sql: string[], params: Param[], column?: string): void {
  const e = column ?? expr(field);
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

/** Where a nearby search starts before widening (see `nearby`). */
const FIRST_RADIUS_M = 150;

/** A row that may be in reach: its rowid, id and exact point. */
interface Candidate {
  rid: number;
  id: string;
  lng: number | null;
  lat: number | null;
}

/**
 * The spatial index's rows held in memory: a static kd-tree (`kdbush`) over each point in planar metres (longitude
 * scaled by the cosine of the rows' middle latitude), with its row id, document id and status, built under one
 * write counter of the collection and used only while the counter is unchanged. The documents read through it are
 * kept parsed (and frozen) for as long, so a busy neighbourhood is answered without SQLite or JSON at all.
 */
interface GeoMirror {
  version: number;
  tree: KDBush;
  /** Planar metres per degree of longitude, and the rows' latitude range (for the planar error bound). */
  kx: number;
  minLat: number;
  maxLat: number;
  rid: Float64Array;
  lng: Float64Array;
  lat: Float64Array;
  ids: string[];
  status: (string | null)[];
  docs: Map<number, unknown>;
}

/** Rows read per step of a mirror's build; the store is free for other work between steps. */
const MIRROR_STEP = 20_000;
/** Parsed documents a mirror keeps at most (then starts again empty). */
const MIRROR_DOCS = 20_000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Measures candidates exactly and keeps those in reach beyond the cursor, nearest first (ties by id). */
function nearest(
  rows: Candidate[],
  center: [number, number],
  maxMeters: number,
  after: { meters: number; id: string } | null,
): (Candidate & { meters: number })[] {
  const hits: (Candidate & { meters: number })[] = [];
  for (const r of rows) {
    if (r.lng === null || r.lat === null) continue;
    const meters = metersBetween(center, [r.lng, r.lat]);
    if (meters <= maxMeters && isAfter({ meters, id: r.id }, after)) hits.push({ ...r, meters });
  }
  return hits.sort(byDistance);
}

const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const cosDeg = (deg: number) => Math.cos((Math.min(89, Math.abs(deg)) * Math.PI) / 180);

/**
 * The `want` nearest rows within `maxMeters` of `center` whose status meets the condition, beyond the cursor, in
 * (exact distance, id) order — what the R*Tree's widening circles answer, found by walking the mirror's kd-tree
 * nearest-first. The planar order is trusted only within its worst error over the latitudes involved (`eps`): the
 * walk stops once every point left is farther, even with that error, than the `want`-th exact distance found.
 */
function mirrorNearest(
  mirror: GeoMirror,
  center: [number, number],
  maxMeters: number,
  where: Where | undefined,
  after: { meters: number; id: string } | null,
  want: number,
): (Candidate & { meters: number })[] {
  const cond = where?.status;
  const allowed =
    cond === undefined
      ? null
      : typeof cond === 'string'
        ? new Set<Scalar>([cond])
        : new Set((cond as { in: Scalar[] }).in);
  const cos0 = mirror.kx / METERS_PER_DEGREE;
  const lo = Math.min(mirror.minLat, center[1]);
  const hi = Math.max(mirror.maxLat, center[1]);
  const cosMin = Math.min(cosDeg(lo), cosDeg(hi));
  const cosMax = lo <= 0 && hi >= 0 ? 1 : Math.max(cosDeg(lo), cosDeg(hi));
  const eps = Math.max(cos0 / cosMin - 1, 1 - cos0 / cosMax, 0) + 1e-4;
  const hits: (Candidate & { meters: number })[] = [];
  let kth = Infinity;
  const point: [number, number] = [0, 0];
  kdNearest(
    mirror.tree,
    center[0] * mirror.kx,
    center[1] * METERS_PER_DEGREE,
    maxMeters * (1 + eps) + 1,
    (i, planar) => {
      if (planar > kth * (1 + eps) + 1) return false;
      if (allowed && !allowed.has(mirror.status[i])) return true;
      point[0] = mirror.lng[i];
      point[1] = mirror.lat[i];
      const m = metersBetween(center, point);
      if (m > maxMeters) return true;
      const hit = { rid: mirror.rid[i], id: mirror.ids[i], lng: point[0], lat: point[1], meters: m };
      if (!isAfter(hit, after)) return true;
      hits.push(hit);
      if (hits.length >= want && m <= kth) {
        hits.sort(byDistance);
        hits.length = want;
        kth = hits[want - 1].meters;
      }
      return true;
    },
  );
  return hits.sort(byDistance).slice(0, want);
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
  private readonly mirrors = new Map<GeoCollection, GeoMirror>();
  private readonly building = new Set<GeoCollection>();

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
    if (isGeo(collection)) {
      const { location, status } = doc as { location?: unknown; status?: unknown };
      this.indexPoint(collection, id, location, status);
    }
  }

  /** Keeps the R*Tree (box, exact point, id and status) in step with the document. */
  private indexPoint(collection: GeoCollection, id: string, location: unknown, status: unknown): void {
    const { rowid } = this.stmt(`SELECT rowid FROM ${table(collection)} WHERE id = ?`).get(id) as { rowid: number };
    this.stmt(`DELETE FROM ${collection}_geo WHERE rid = ?`).run(rowid);
    const c = (location as { coordinates?: unknown } | null)?.coordinates;
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
      this.stmt(`INSERT INTO ${collection}_geo VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        rowid,
        c[0],
        c[0],
        c[1],
        c[1],
        c[0],
        c[1],
        id,
        typeof status === 'string' ? status : null,
      );
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

  getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<(Collections[C] | null)[]> {
    return this.run(() => {
      const found = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = this.stmt(
          `SELECT id, doc FROM ${table(collection)} WHERE id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(ids.slice(i, i + 500))) as { id: string; doc: string }[];
        for (const r of rows) found.set(r.id, r.doc);
      }
      return ids.map((id) => {
        const raw = found.get(id);
        return raw === undefined ? null : (JSON.parse(raw) as Collections[C]);
      });
    });
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

  /**
   * Nearest first from the R*Tree. The search starts in a small circle and doubles it up to `maxMeters` until it
   * holds a page and one more: every point outside a circle is farther than every point inside, so the nearest
   * found inside are the nearest overall. A dense neighbourhood is answered from a few hundred candidates.
   */
  nearby<C extends GeoCollection>(
    collection: C,
    options: NearbyOptions<Collections[C]>,
  ): Promise<NearPage<Collections[C]>> {
    return this.run(() => {
      const limit = nearbyLimit(options.limit);
      const after = decodeNearCursor(options.cursor);
      const mirror = this.currentMirror(collection, options.where);
      if (mirror) {
        // Nearest first from memory: a page and one more, and (with `accept`) more until enough are accepted.
        for (let want = limit + 1; ; want *= 4) {
          const hits = mirrorNearest(mirror, options.center, options.maxMeters, options.where, after, want);
          const page = pageOf(this.withDocs<Collections[C]>(collection, hits, mirror), limit, options.accept);
          if (page.nextCursor || hits.length < want) return page;
        }
      }
      let radius = Math.min(options.maxMeters, (after?.meters ?? 0) + FIRST_RADIUS_M);
      for (;;) {
        const hits = nearest(
          this.candidatesWithin(collection, options.center, radius, options.where),
          options.center,
          radius,
          after,
        );
        const last = radius >= options.maxMeters;
        if (!options.accept) {
          if (hits.length > limit || last)
            return pageOf(this.withDocs<Collections[C]>(collection, hits.slice(0, limit + 1)), limit);
        } else {
          const page = pageOf(this.withDocs<Collections[C]>(collection, hits), limit, options.accept);
          if (page.nextCursor || last) return page;
        }
        radius = Math.min(options.maxMeters, radius * 2);
      }
    });
  }

  /**
   * The collection's mirror when it is current and the conditions are ones it holds (the status only); otherwise
   * null — the R*Tree answers — and, when the mirror is behind, a rebuild starts in the background.
   */
  private currentMirror(collection: GeoCollection, where: Where | undefined): GeoMirror | null {
    const [version] = this.versionsNow([collection]);
    const mirror = this.mirrors.get(collection);
    if (!mirror || mirror.version !== version) {
      this.buildMirror(collection);
      return null;
    }
    const { status, ...rest } = where ?? {};
    if (Object.keys(rest).length > 0) return null;
    const held =
      status === undefined ||
      typeof status === 'string' ||
      (status !== null && typeof status === 'object' && 'in' in status);
    return held ? mirror : null;
  }

  /**
   * Reads the spatial index's rows in steps (each under the store's lock, other work in between) into a new
   * mirror. The mirror carries the write counter read before the first step: if anything was written meanwhile the
   * counter has moved on, the mirror is never used, and the next search starts another build.
   */
  private buildMirror(collection: GeoCollection): void {
    if (this.building.has(collection) || this.closed) return;
    this.building.add(collection);
    void (async () => {
      try {
        const version = await this.run(() => this.versionsNow([collection])[0]);
        const rid: number[] = [];
        const lng: number[] = [];
        const lat: number[] = [];
        const ids: string[] = [];
        const status: (string | null)[] = [];
        let from = -1;
        for (;;) {
          await new Promise((r) => setImmediate(r));
          const rows = await this.run(
            () =>
              this.stmt(
                `SELECT rid, lng, lat, id, status FROM ${collection}_geo WHERE rid > ? ORDER BY rid LIMIT ${MIRROR_STEP}`,
              )
                .raw()
                .all(from) as [number, number, number, string, string | null][],
          );
          for (const r of rows) {
            rid.push(r[0]);
            lng.push(r[1]);
            lat.push(r[2]);
            ids.push(r[3]);
            status.push(r[4]);
          }
          if (rows.length < MIRROR_STEP) break;
          from = rows[rows.length - 1][0];
        }
        let minLat = Infinity;
        let maxLat = -Infinity;
        for (const y of lat) {
          if (y < minLat) minLat = y;
          if (y > maxLat) maxLat = y;
        }
        const kx = METERS_PER_DEGREE * (Number.isFinite(minLat) ? cosDeg((minLat + maxLat) / 2) : 1);
        const tree = new KDBush(Math.max(1, ids.length));
        for (let i = 0; i < ids.length; i++) tree.add(lng[i] * kx, lat[i] * METERS_PER_DEGREE);
        if (!ids.length) tree.add(Infinity, Infinity);
        tree.finish();
        this.mirrors.set(collection, {
          version,
          tree,
          kx,
          minLat,
          maxLat,
          rid: Float64Array.from(rid),
          lng: Float64Array.from(lng),
          lat: Float64Array.from(lat),
          ids,
          status,
          docs: new Map(),
        });
      } catch {
        // A closed store or a failed read: searches keep using the R*Tree.
      } finally {
        this.building.delete(collection);
      }
    })();
  }

  /** Resolves once no mirror is being built (for tests and the benchmark: the state a running server reaches). */
  async mirrorsSettled(): Promise<void> {
    while (this.building.size) await new Promise((r) => setTimeout(r, 5));
  }

  /** Rows whose point may lie within `meters` of `center` and that meet `where`, from the R*Tree. */
  private candidatesWithin(
    collection: GeoCollection,
    center: [number, number],
    meters: number,
    where?: Where,
  ): Candidate[] {
    const [minLng, minLat, maxLng, maxLat] = boxAround(center, meters);
    // Boxes that overlap the search box (an index box may be rounded outwards by a hair). CROSS JOIN keeps the
    // R*Tree as the outer loop: left to itself the planner may walk another index and probe the tree per row.
    const sql = ['g.maxLng >= ?', 'g.minLng <= ?', 'g.maxLat >= ?', 'g.minLat <= ?'];
    const params: Param[] = [minLng, maxLng, minLat, maxLat];
    const { status, ...rest } = where ?? {};
    compile(status === undefined ? {} : { status }, sql, params, { status: 'g.status' });
    // Conditions on other fields need the document: join it only then.
    const join = Object.keys(rest).length > 0;
    if (join) compile(rest, sql, params);
    return this.stmt(
      `SELECT g.rid AS rid, g.id AS id, g.lng AS lng, g.lat AS lat FROM ${collection}_geo g
       ${join ? `CROSS JOIN ${table(collection)} o ON o.rowid = g.rid` : ''} WHERE ${sql.join(' AND ')}`,
    ).all(...params) as Candidate[];
  }

  /**
   * Reads the documents of the chosen hits in one statement. Each is parsed only when its `doc` is first read,
   * so a caller that pages through the nearest few does not pay for the rest.
   */
  private withDocs<T>(
    collection: GeoCollection,
    hits: (Candidate & { meters: number })[],
    mirror: GeoMirror | null = null,
  ): Near<T>[] {
    const raw = new Map<number, string>();
    const missing = mirror ? hits.filter((h) => !mirror.docs.has(h.rid)) : hits;
    if (missing.length) {
      const docs = this.stmt(
        `SELECT rowid AS rid, doc FROM ${table(collection)} WHERE rowid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(missing.map((h) => h.rid))) as { rid: number; doc: string }[];
      for (const d of docs) raw.set(d.rid, d.doc);
    }
    return hits.map((h) => {
      let doc = mirror?.docs.get(h.rid) as T | undefined;
      return {
        id: h.id,
        meters: h.meters,
        get doc(): T {
          if (doc === undefined) {
            doc = JSON.parse(raw.get(h.rid) as string) as T;
            if (mirror) {
              // Shared with later searches while nothing is written: frozen, so no caller can change it.
              if (mirror.docs.size >= MIRROR_DOCS) mirror.docs.clear();
              mirror.docs.set(h.rid, deepFreeze(doc));
            }
          }
          return doc;
        },
      };
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

  /** Kept by triggers on the tables (migration 14), so writes by other connections count too. */
  versions(collections: readonly VersionedCollection[]): Promise<number[]> {
    return this.run(() => this.versionsNow(collections));
  }

  private versionsNow(collections: readonly VersionedCollection[]): number[] {
    const one = this.stmt('SELECT n FROM versions WHERE collection = ?').pluck();
    return collections.map((c) => {
      const n = one.get(c) as number | undefined;
      if (n === undefined) throw new Error(`no write counter for ${c}`);
      return n;
    });
  }

  async close(): Promise<void> {
    await this.run(() => undefined);
    this.closed = true;
    this.db.close();
  }
}
