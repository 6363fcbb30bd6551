import { EJSON } from 'bson';
import { Geodesic } from 'geographiclib-geodesic';
import { Query, update as applyUpdate } from 'mingo';
import type { Clock } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import type { DatabaseSpec, IndexSpec } from '../../cloudfunctions/store/cloudbase/schema';
import { describeShape, needsIndex, serves, shapeOf, type QueryShape } from './cloudbase-indexes';

type Plain = Record<string, unknown>;
interface Row {
  doc: Plain;
  /** Sequence number of the commit that last wrote this row. */
  seq: number;
}
interface Collection {
  rows: Map<string, Row>;
  indexes: IndexSpec[];
}
interface Tx {
  id: string;
  /**
   * The commit sequence when the transaction's snapshot was taken — at its first operation, as MongoDB takes it, not
   * at `startTransaction`: a row committed after it is a conflict.
   */
  startSeq: number | null;
  writes: Map<string, Plain | null>;
  cancelExpiry: () => void;
}

/** An error as CloudBase's request layer throws it: `{ code, message, requestId }`. */
export class CloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId = 'memory',
  ) {
    super(message);
  }
}

export interface MemoryCloudbaseOptions {
  /** Added to every request, half on the way in and half on the way back (milliseconds). */
  latencyMs?: number;
  /**
   * How long a transaction may stay open before the service aborts it and frees its locks. MongoDB, under
   * CloudBase's database, defaults to 60 s; a transaction that is never committed nor rolled back holds its locks
   * that long.
   */
  transactionLifetimeMs?: number;
  /** How long a write outside a transaction waits for a transaction's lock before it fails. */
  lockWaitMs?: number;
  /** The clock latency, lock waits and transaction lifetimes run on: the wall clock unless a test simulates one. */
  clock?: Clock;
}

/** BSON regular expressions (what the SDK's `db.RegExp` becomes) as JavaScript ones, which mingo evaluates. */
function jsValues(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsValues);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { _bsontype?: string; pattern?: string; options?: string };
    if (o._bsontype === 'BSONRegExp') return new RegExp(o.pattern ?? '', o.options ?? '');
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsValues(x)]));
  }
  return v;
}
const parse = (s: unknown): Plain =>
  typeof s === 'string' && s ? (jsValues(EJSON.parse(s, { relaxed: true })) as Plain) : {};
const key = (coll: string, id: string) => `${coll}\u0000${id}`;
const idOf = (query: Plain): string => {
  if (typeof query._id !== 'string') throw new CloudbaseError('INVALID_PARAM', 'doc operations need a string _id');
  return query._id;
};

/** The wall clock, answering a zero wait on the next turn (as a network would) so concurrent callers interleave. */
const wallClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r))),
};

/** Metres between two `[lng, lat]` points on the WGS-84 ellipsoid (Karney's geodesic), independent of the product. */
export function geodesicMeters(a: readonly [number, number], b: readonly [number, number]): number {
  return Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 ?? Infinity;
}

/**
 * CloudBase's database, in memory, behind the SDK's own request class. The SDK serialises every call into
 * `(api, params)` with EJSON strings; this evaluates them with mingo and answers in the shapes the SDK reads.
 *
 * As strict as the service where the product depends on it:
 * - a collection exists only once created (`provision` creates those of `cloudbase/database.json`); anything else
 *   answers `DATABASE_COLLECTION_NOT_EXIST`;
 * - unique indexes refuse a second document with the same key;
 * - a query, sort, count or `geoNear` that no declared index serves is refused, naming the query's shape (CloudBase
 *   refuses `geoNear` without a geo index, and a scan or in-memory sort of a large collection times out);
 * - transactions: doc-level operations only, writes invisible until commit, a write to a document that another
 *   open transaction holds or that was written since this one began fails with `DATABASE_TRANSACTION_CONFLICT`;
 *   locks are held until commit, rollback or the transaction's lifetime;
 * - a write outside a transaction to a locked document waits for the lock (and fails after `lockWaitMs`), as
 *   MongoDB makes it wait;
 * - latency can be added to every request, and every request is counted.
 */
export class MemoryCloudbase {
  private readonly collections = new Map<string, Collection>();
  private readonly txs = new Map<string, Tx>();
  /** Which open transaction holds a pending write on a document. */
  private readonly locks = new Map<string, string>();
  /** Writers outside transactions waiting for a lock to be released, by document. */
  private readonly waiters = new Map<string, (() => void)[]>();
  private seq = 0;
  private txCounter = 0;
  latencyMs: number;
  readonly transactionLifetimeMs: number;
  readonly lockWaitMs: number;
  private readonly clock: Clock;
  /** Every request the SDK sent, for tests that look at the wire. */
  readonly requests: { api: string; params: Plain }[] = [];
  /** The shapes of refused queries that no index serves, in words. */
  readonly indexMisses: string[] = [];
  /** Every query shape answered, in words (for tests that list what the product asks). */
  readonly shapesSeen = new Set<string>();

  constructor(options: MemoryCloudbaseOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.transactionLifetimeMs = options.transactionLifetimeMs ?? 60_000;
    this.lockWaitMs = options.lockWaitMs ?? 5_000;
    this.clock = options.clock ?? wallClock;
  }

  /** Calls `fn` after `ms` on this database's clock, unless cancelled; a wall-clock timer never keeps a test alive. */
  private after(ms: number, fn: () => void): () => void {
    if (this.clock === wallClock) {
      const timer = setTimeout(fn, ms);
      timer.unref?.();
      return () => clearTimeout(timer);
    }
    let cancelled = false;
    void this.clock.sleep(ms).then(() => cancelled || fn());
    return () => (cancelled = true);
  }

  /** A class with the SDK's requester shape, bound to this database: assign it to `Db.reqClass`. */
  requester(): new (config: unknown) => { send(api: string, params?: Plain): Promise<unknown> } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const memory = this;
    return class {
      send(api: string, params: Plain = {}) {
        return memory.send(api, params);
      }
    };
  }

  /** Creates every collection and index of a declaration, as `npm run deploy:db` does in the cloud. */
  provision(spec: DatabaseSpec): this {
    for (const c of spec.collections) {
      this.createCollection(c.name);
      for (const index of c.indexes) this.createIndex(c.name, index);
    }
    return this;
  }

  createCollection(name: string): void {
    if (!this.collections.has(name)) this.collections.set(name, { rows: new Map(), indexes: [] });
  }

  createIndex(collection: string, index: IndexSpec): void {
    const c = this.table(collection);
    c.indexes = [...c.indexes.filter((i) => i.name !== index.name), structuredClone(index)];
  }

  dropIndex(collection: string, name: string): void {
    const c = this.table(collection);
    c.indexes = c.indexes.filter((i) => i.name !== name);
  }

  /** Names of existing collections and their indexes (what the management API would describe). */
  describe(): { name: string; indexes: IndexSpec[] }[] {
    return [...this.collections].map(([name, c]) => ({ name, indexes: structuredClone(c.indexes) }));
  }

  /** How many requests of each API were sent since `from` (an index into `requests`). */
  counts(from = 0): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests.slice(from)) out[r.api] = (out[r.api] ?? 0) + 1;
    return out;
  }

  /** Open transactions (each holds its locks until it ends). */
  get openTransactions(): number {
    return this.txs.size;
  }

  private table(name: string): Collection {
    const t = this.collections.get(name);
    if (!t) throw new CloudbaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return t;
  }

  private tx(params: Plain): Tx | null {
    if (!params.transactionId) return null;
    const tx = this.txs.get(String(params.transactionId));
    if (!tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'transaction not found or finished');
    if (tx.startSeq === null) tx.startSeq = this.seq;
    return tx;
  }

  async send(api: string, params: Plain): Promise<unknown> {
    this.requests.push({ api, params });
    // Answer on a later turn, as a network would, so concurrent callers interleave.
    await this.clock.sleep(this.latencyMs / 2);
    try {
      return await this.answer(api, params);
    } finally {
      await this.clock.sleep(this.latencyMs / 2);
    }
  }

  private async answer(api: string, params: Plain): Promise<unknown> {
    switch (api) {
      case 'database.startTransaction': {
        const id = `tx-${++this.txCounter}`;
        const cancelExpiry = this.after(this.transactionLifetimeMs, () => this.expire(id));
        this.txs.set(id, { id, startSeq: null, writes: new Map(), cancelExpiry });
        return { transactionId: id, requestId: id };
      }
      case 'database.commitTransaction':
        return this.finish(params, true);
      case 'database.abortTransaction':
        return this.finish(params, false);
      case 'database.getDocument':
        return this.get(params);
      case 'database.calculateDocument':
        if (params.transactionId)
          throw new CloudbaseError('DATABASE_REQUEST_FAILED', 'only doc operations are allowed in a transaction');
        return { data: { total: this.where(params).length }, requestId: 'memory' };
      case 'database.modifyDocument':
        return this.modify(params);
      case 'database.insertDocument':
        return this.insert(params);
      case 'database.removeDocument':
        return this.remove(params);
      default:
        throw new CloudbaseError('INVALID_ACTION', `unsupported api ${api}`);
    }
  }

  private current(coll: string, id: string, tx: Tx | null): Plain | null {
    const k = key(coll, id);
    if (tx && tx.writes.has(k)) return tx.writes.get(k) ?? null;
    return this.table(coll).rows.get(id)?.doc ?? null;
  }

  private get(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    this.table(coll);
    if (params.queryType === 'DOC') {
      const doc = this.current(coll, idOf(parse(params.query)), tx);
      return { data: { list: doc ? [EJSON.stringify(doc)] : [] }, requestId: 'memory' };
    }
    if (tx) throw new CloudbaseError('DATABASE_REQUEST_FAILED', 'only doc operations are allowed in a transaction');
    const order = parse(params.order) as Record<string, 1 | -1>;
    let docs = this.where(params, order);
    if (Object.keys(order).length) docs = new Query({}).find<Plain>(docs).sort(order).all();
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), 1000);
    return { data: { list: docs.slice(offset, offset + limit).map((d) => EJSON.stringify(d)) }, requestId: 'memory' };
  }

  /** Refuses a query that no index of its collection serves, naming its shape. */
  private checkIndex(shape: QueryShape): void {
    const words = describeShape(shape);
    this.shapesSeen.add(words);
    if (!needsIndex(shape)) return;
    if (this.table(shape.collection).indexes.some((i) => serves(i, shape))) return;
    this.indexMisses.push(words);
    throw new CloudbaseError(
      'DATABASE_REQUEST_FAILED',
      shape.geo ? `unable to find index for $geoNear query: ${words}` : `no index serves the query: ${words}`,
    );
  }

  /**
   * mingo evaluates the query; a `$nearSphere` condition (what the SDK's `geoNear` becomes) is evaluated here, as
   * CloudBase's geo index does: within `$maxDistance` metres, nearest first — measured on the WGS-84 ellipsoid,
   * not with the product's own formula.
   */
  private where(params: Plain, order: Plain = {}): Plain[] {
    const coll = String(params.collectionName);
    const query = parse(params.query);
    this.checkIndex(shapeOf(coll, query, order));
    const all = [...this.table(coll).rows.values()].map((r) => r.doc);
    let near: { field: string; center: [number, number]; min: number; max: number } | null = null;
    for (const [field, cond] of Object.entries(query)) {
      const ns = cond && typeof cond === 'object' ? (cond as Plain).$nearSphere : undefined;
      if (!ns) continue;
      const spec = ns as { $geometry: { coordinates: [number, number] }; $maxDistance?: number; $minDistance?: number };
      near = {
        field,
        center: spec.$geometry.coordinates,
        min: spec.$minDistance ?? 0,
        max: spec.$maxDistance ?? Infinity,
      };
      delete query[field];
    }
    const matched = new Query(query).find<Plain>(all).all();
    if (!near) return matched;
    const { field, center, min, max } = near;
    return matched
      .map((doc) => {
        const c = (doc[field] as { coordinates?: [number, number] } | undefined)?.coordinates;
        return { doc, meters: c ? geodesicMeters(center, c) : Infinity };
      })
      .filter((h) => h.meters >= min && h.meters <= max)
      .sort((a, b) => a.meters - b.meters)
      .map((h) => h.doc);
  }

  /** A transaction may write a document only if nobody else holds it or wrote it since the transaction began. */
  private claim(tx: Tx, coll: string, id: string): void {
    const k = key(coll, id);
    const holder = this.locks.get(k);
    const row = this.table(coll).rows.get(id);
    if ((holder && holder !== tx.id) || (row && row.seq > (tx.startSeq ?? this.seq)))
      throw new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', 'write conflict');
    this.locks.set(k, tx.id);
  }

  /** A write outside a transaction waits while a transaction holds the document, and fails after `lockWaitMs`. */
  private async unlocked(coll: string, id: string): Promise<void> {
    const k = key(coll, id);
    const deadline = this.clock.now() + this.lockWaitMs;
    while (this.locks.has(k)) {
      const left = deadline - this.clock.now();
      if (left <= 0) throw new CloudbaseError('DATABASE_TIMEOUT', `lock wait timed out on ${coll}/${id}`);
      await new Promise<void>((resolve) => {
        const cancel = this.after(left, resolve);
        const list = this.waiters.get(k) ?? [];
        list.push(() => {
          cancel();
          resolve();
        });
        this.waiters.set(k, list);
      });
    }
  }

  private release(k: string): void {
    this.locks.delete(k);
    const list = this.waiters.get(k);
    this.waiters.delete(k);
    for (const wake of list ?? []) wake();
  }

  /** A unique index refuses a second document with the same values (an absent field counts as null, as in MongoDB). */
  private checkUnique(coll: string, id: string, doc: Plain): void {
    const valueAt = (d: Plain, field: string) =>
      JSON.stringify(field.split('.').reduce<unknown>((v, k) => (v as Plain | null)?.[k] ?? null, d));
    for (const index of this.table(coll).indexes.filter((i) => i.unique)) {
      const keyOf = (d: Plain) => index.keys.map((k) => valueAt(d, k.field)).join('\u0000');
      const mine = keyOf(doc);
      for (const [otherId, row] of this.table(coll).rows)
        if (otherId !== id && keyOf(row.doc) === mine)
          throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `duplicate key for unique index ${coll}.${index.name}`);
    }
  }

  private async write(coll: string, id: string, doc: Plain | null, tx: Tx | null): Promise<void> {
    if (doc) this.checkUnique(coll, id, doc);
    if (tx) {
      this.claim(tx, coll, id);
      tx.writes.set(key(coll, id), doc);
      return;
    }
    const seq = ++this.seq;
    if (doc) this.table(coll).rows.set(id, { doc, seq });
    else this.table(coll).rows.delete(id);
  }

  private async modify(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    this.table(coll);
    if (params.queryType !== 'DOC' || params.multi)
      throw new CloudbaseError('INVALID_PARAM', 'this store only modifies by id');
    const id = idOf(parse(params.query));
    if (!tx) await this.unlocked(coll, id);
    const existing = this.current(coll, id, tx);
    const data = parse(params.data);
    if (params.merge) {
      if (!existing) return { data: { updated: 0 }, requestId: 'memory' };
      const next = structuredClone(existing);
      applyUpdate(next, data);
      await this.write(coll, id, next, tx);
      return { data: { updated: 1 }, requestId: 'memory' };
    }
    if (!existing && !params.upsert) return { data: { updated: 0 }, requestId: 'memory' };
    await this.write(coll, id, { _id: id, ...data }, tx);
    return { data: existing ? { updated: 1 } : { updated: 0, upsert_id: id }, requestId: 'memory' };
  }

  private async insert(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    this.table(coll);
    const ids: string[] = [];
    for (const raw of params.data as string[]) {
      const doc = parse(raw);
      const id = typeof doc._id === 'string' ? doc._id : `auto-${++this.txCounter}`;
      if (!tx) await this.unlocked(coll, id);
      if (this.current(coll, id, tx)) throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${id}`);
      await this.write(coll, id, { ...doc, _id: id }, tx);
      ids.push(id);
    }
    return { data: { insertedIds: ids }, requestId: 'memory' };
  }

  private async remove(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    this.table(coll);
    const id = idOf(parse(params.query));
    if (!tx) await this.unlocked(coll, id);
    const existed = !!this.current(coll, id, tx);
    if (existed) await this.write(coll, id, null, tx);
    return { data: { deleted: existed ? 1 : 0 }, requestId: 'memory' };
  }

  /** Ends a transaction: its locks go, and with `commit` its writes land together. */
  private end(tx: Tx, commit: boolean): void {
    this.txs.delete(tx.id);
    tx.cancelExpiry();
    if (commit) {
      const seq = ++this.seq;
      for (const [k, doc] of tx.writes) {
        const [coll, id] = k.split('\u0000');
        if (doc) this.table(coll).rows.set(id, { doc, seq });
        else this.table(coll).rows.delete(id);
      }
    }
    for (const k of tx.writes.keys()) if (this.locks.get(k) === tx.id) this.release(k);
  }

  private expire(id: string): void {
    const tx = this.txs.get(id);
    if (tx) this.end(tx, false);
  }

  private finish(params: Plain, commit: boolean) {
    const tx = this.tx(params);
    if (!tx) throw new CloudbaseError('INVALID_PARAM', 'transactionId is required');
    this.end(tx, commit);
    return { requestId: tx.id };
  }
}
