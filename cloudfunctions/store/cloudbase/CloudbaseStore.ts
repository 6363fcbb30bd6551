import type { Page } from '../../../types';
import { AppError } from '../../core/errors';
import { metersBetween } from '../../core/reach';
import {
  badCursor,
  byDistance,
  checkField,
  decodeCursor,
  decodeNearCursor,
  encodeCursor,
  MAX_PAGE,
  pageOf,
  isAfter,
  MAX_NEARBY,
  nearbyLimit,
  pageLimit,
  readField,
  type CollectionName,
  type Collections,
  type Condition,
  type GeoCollection,
  type NearPage,
  type NearbyOptions,
  type QueryOptions,
  type Scalar,
  type Store,
  type Transaction,
  type Where,
  VERSIONED,
  type VersionedCollection,
} from '../port';
import { cloudbaseDb } from './app';

type Db = ReturnType<typeof cloudbaseDb>;
type Plain = Record<string, unknown>;

/** Time as the adapter sees it: the wall clock in production, a simulated one in tests of contention. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** An SDK failure: logged with its code, shown to nobody (the router answers `INTERNAL`). */
export class CloudbaseFault extends Error {
  constructor(
    readonly sdkCode: string,
    message: string,
  ) {
    super(`CloudBase ${sdkCode}: ${message}`);
    this.name = 'CloudbaseFault';
  }
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

/**
 * The longest a transaction keeps retrying on conflict, in milliseconds: well inside the timeout of the functions
 * that write under contention (20 s in `cloudbaserc.json`; 10 s for the rest), so a caller always gets an answer —
 * `CONFLICT` at worst — before the platform kills the function.
 */
export const TX_BUDGET_MS = 6000;

/**
 * Backoff between attempts: exponential with full jitter, so a burst on one hot document spreads out instead of
 * colliding again; the cap keeps a late attempt from sleeping through the rest of the budget. Measured on the
 * in-memory CloudBase at 10 ms a request: 100 people rating one outlet at once all land, the last after 4.6–4.9 s
 * (a transaction holds the outlet's aggregate for ~40 ms, so 4 s is the floor).
 */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 250;
/**
 * CloudBase measures `geoNear` distances with its own earth model, which differs from ours by well under 1 %; the
 * database is asked for this much more (and less) than the radius, and the exact cut is made here.
 */
const GEO_SLACK = 0.01;

function sdkCode(err: unknown): string | null {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : null;
}

/** SDK errors come as `{ code, message }`; ours pass through, the rest become a fault. */
function mapError(err: unknown): unknown {
  if (err instanceof AppError || err instanceof CloudbaseFault) return err;
  const code = sdkCode(err);
  if (code === CONFLICT) return new AppError('CONFLICT');
  if (code) return new CloudbaseFault(code, String((err as { message?: unknown }).message ?? ''));
  return err;
}

/** The SDK answers some failures as a value with a `code` instead of throwing. */
function checked<T>(res: T): T {
  if (res && typeof res === 'object' && sdkCode(res)) throw res;
  return res;
}

/** Reads come back with `_id` and with geo fields as SDK Point objects: turn them into our plain documents. */
function fromDb<T>(raw: unknown): T {
  const { _id: _ignored, ...rest } = JSON.parse(JSON.stringify(raw)) as Plain;
  return rest as T;
}

function isGeoPoint(v: unknown): v is { type: 'Point'; coordinates: [number, number] } {
  return !!v && typeof v === 'object' && (v as Plain).type === 'Point' && Array.isArray((v as Plain).coordinates);
}

/** GeoJSON points are written as the SDK's Point, so CloudBase's geo index sees them. */
function toDb(db: Db, doc: Plain): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(doc))
    out[k] = isGeoPoint(v) ? new db.Geo.Point(v.coordinates[0], v.coordinates[1]) : v;
  return out;
}

/**
 * `update` in CloudBase merges nested objects field by field; the port replaces top-level fields, so object
 * values are wrapped in `command.set`.
 */
function toPatch(db: Db, patch: Plain): Plain {
  const _ = db.command;
  const out: Plain = {};
  for (const [k, v] of Object.entries(toDb(db, patch))) {
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !(v instanceof db.Geo.Point) ? _.set(v) : v;
  }
  return out;
}

/** Regular-expression metacharacters escaped, so `contains` matches the text literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function condition(db: Db, cond: Condition): unknown {
  const _ = db.command;
  if (cond === null || typeof cond !== 'object') return cond;
  if ('in' in cond) return _.in(cond.in);
  if ('exists' in cond) return _.exists(cond.exists);
  // On an array field Mongo's `in` matches when any element is among the values.
  if ('contains' in cond) return db.RegExp({ regexp: literal((cond as { contains: string }).contains) });
  if ('anyOf' in cond) return _.in((cond as { anyOf: Scalar[] }).anyOf);
  if ('allOf' in cond) {
    const all = (cond as { allOf: Scalar[] }).allOf;
    return all.length ? _.all(all) : _.exists(true);
  }
  const parts = [
    cond.gt !== undefined ? _.gt(cond.gt) : null,
    cond.gte !== undefined ? _.gte(cond.gte) : null,
    cond.lt !== undefined ? _.lt(cond.lt) : null,
    cond.lte !== undefined ? _.lte(cond.lte) : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return _.exists(true);
  // gt(a).and(lt(b)) — the SDK's own way of writing a range on one field.
  type Chain = { and(next: unknown): Chain };
  return (parts as unknown as Chain[]).reduce((a, b) => a.and(b));
}

function filter(db: Db, where: Where | undefined): Plain {
  const out: Plain = {};
  for (const [field, cond] of Object.entries(where ?? {})) out[checkField(field)] = condition(db, cond);
  return out;
}

/**
 * The production store: CloudBase's document database through `@cloudbase/node-sdk`. Documents are keyed by
 * `_id`; queries page with a cursor on (order field, `_id`); transactions use only doc-level operations.
 */
export class CloudbaseStore implements Store {
  private closed = false;

  constructor(
    private readonly db: Db = cloudbaseDb(),
    private readonly clock: Clock = systemClock,
  ) {}

  private coll(collection: CollectionName) {
    return this.db.collection(collection);
  }

  private open(): void {
    if (this.closed) throw new Error('store is closed');
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    this.open();
    try {
      return checked(await work());
    } catch (err) {
      throw mapError(err);
    }
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    const res = await this.call(() => this.coll(collection).doc(id).get());
    const list = (res as { data: unknown[] }).data;
    return list.length ? fromDb<Collections[C]>(list[0]) : null;
  }

  /** `_id in [...]`, a hundred ids a read. */
  async getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<(Collections[C] | null)[]> {
    const _ = this.db.command;
    const found = new Map<string, Collections[C]>();
    for (let i = 0; i < ids.length; i += MAX_PAGE) {
      const chunk = [...new Set(ids.slice(i, i + MAX_PAGE))];
      const res = await this.call(() =>
        this.coll(collection)
          .where({ _id: _.in(chunk) })
          .limit(MAX_PAGE)
          .get(),
      );
      for (const raw of (res as { data: Plain[] }).data) found.set(String(raw._id), fromDb<Collections[C]>(raw));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async set<C extends CollectionName>(collection: C, id: string, doc: Collections[C]): Promise<void> {
    await this.call(() =>
      this.coll(collection)
        .doc(id)
        .set(toDb(this.db, doc as unknown as Plain)),
    );
    await this.counted([collection]);
  }

  async update<C extends CollectionName>(collection: C, id: string, patch: Partial<Collections[C]>): Promise<void> {
    const res = await this.call(() =>
      this.coll(collection)
        .doc(id)
        .update(toPatch(this.db, patch as Plain)),
    );
    if (!(res as { updated?: number }).updated && !(await this.get(collection, id))) throw new AppError('NOT_FOUND');
    await this.counted([collection]);
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    await this.call(() => this.coll(collection).doc(id).remove());
    await this.counted([collection]);
  }

  /**
   * Write counters live in `meta` (`version_<collection>`, a number `n`), raised by one atomic increment after each
   * write to a counted collection (after the commit, for a transaction): outside any transaction, so concurrent
   * writers never conflict on it. A reader may see the new documents with the old number for a moment — its cache is
   * then rebuilt at the next number — but never a new number before the documents.
   */
  private async counted(collections: Iterable<CollectionName>): Promise<void> {
    const _ = this.db.command;
    for (const c of new Set(collections)) {
      if (!(VERSIONED as readonly string[]).includes(c)) continue;
      const id = `version_${c}`;
      const updatedAt = new Date(this.clock.now()).toISOString();
      const res = await this.call(() =>
        this.coll('meta')
          .doc(id)
          .update({ n: _.inc(1), updatedAt }),
      );
      if (!(res as { updated?: number }).updated)
        // The first write ever: start the counter from the clock, so two first writers racing here still leave a
        // number no reader has cached before.
        await this.call(() =>
          this.coll('meta').doc(id).set({ key: id, value: 'write counter', n: this.clock.now(), updatedAt }),
        );
    }
  }

  async versions(collections: readonly VersionedCollection[]): Promise<number[]> {
    const docs = await this.getMany(
      'meta',
      collections.map((c) => `version_${c}`),
    );
    return docs.map((d) => Number((d as { n?: unknown } | null)?.n ?? 0));
  }

  async query<C extends CollectionName>(collection: C, options: QueryOptions = {}): Promise<Page<Collections[C]>> {
    this.open();
    const _ = this.db.command;
    const where = filter(this.db, options.where);
    const orderField = options.orderBy?.field ? checkField(options.orderBy.field) : null;
    const direction = options.orderBy?.direction === 'desc' ? 'desc' : 'asc';
    let criteria: unknown = where;
    if (options.cursor) {
      const c = decodeCursor(options.cursor);
      if (!c) throw badCursor();
      const [value, id] = c;
      const after = (v: Scalar | string) => (direction === 'desc' ? _.lt(v) : _.gt(v));
      const beyond = orderField
        ? _.or([{ [orderField]: after(value) }, { [orderField]: value, _id: after(id) }])
        : { _id: after(id) };
      criteria = Object.keys(where).length ? _.and([where, beyond]) : beyond;
    }
    const limit = pageLimit(options.limit);
    let q = this.coll(collection).where(criteria as Plain);
    if (orderField) q = q.orderBy(orderField, direction);
    q = q.orderBy('_id', direction).limit(limit + 1);
    const res = await this.call(() => q.get());
    const rows = (res as { data: Plain[] }).data;
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const items = pageRows.map((r) => fromDb<Collections[C]>(r));
    const last = pageRows[pageRows.length - 1];
    const nextCursor =
      more && last
        ? encodeCursor(orderField ? readField(items[items.length - 1], orderField) : null, String(last._id))
        : null;
    return { items, nextCursor };
  }

  async count(collection: CollectionName, where?: Where): Promise<number> {
    const res = await this.call(() => this.coll(collection).where(filter(this.db, where)).count());
    return (res as { total: number }).total;
  }

  /**
   * `geoNear` on the collection's geo index; CloudBase answers nearest first, at most 1,000 per read. Distances are
   * measured here the same way for every adapter, so ties, the radius edge and cursors agree.
   */
  async nearby<C extends GeoCollection>(
    collection: C,
    options: NearbyOptions<Collections[C]>,
  ): Promise<NearPage<Collections[C]>> {
    this.open();
    const _ = this.db.command;
    const after = decodeNearCursor(options.cursor);
    const where = {
      ...filter(this.db, options.where),
      location: _.geoNear({
        geometry: new this.db.Geo.Point(options.center[0], options.center[1]),
        maxDistance: options.maxMeters * (1 + GEO_SLACK) + 1,
        // Slack both ways: the exact cut is made below, with the same formula on every adapter.
        ...(after ? { minDistance: Math.max(0, after.meters * (1 - GEO_SLACK) - 1) } : {}),
      }),
    };
    const limit = nearbyLimit(options.limit);
    // The database orders by its own distance and the bounds carry some slack, so a few hits it returns
    // may be dropped below (and `accept` may drop more): ask for some more, and for the whole cap if that was not
    // enough.
    let ask = Math.min(MAX_NEARBY, limit + 21);
    for (;;) {
      const res = await this.call(() => this.coll(collection).where(where).limit(ask).get());
      const rows = (res as { data: Plain[] }).data;
      const hits = rows
        .map((raw) => {
          const doc = fromDb<Collections[C]>(raw);
          const [lng, lat] = (doc as { location: { coordinates: [number, number] } }).location.coordinates;
          return { id: String(raw._id), doc, meters: metersBetween(options.center, [lng, lat]) };
        })
        .filter((h) => h.meters <= options.maxMeters && isAfter(h, after))
        .sort(byDistance);
      const page = pageOf(hits, limit, options.accept);
      if (page.nextCursor || rows.length < ask || ask === MAX_NEARBY) return page;
      ask = MAX_NEARBY;
    }
  }

  /**
   * One SDK transaction per attempt, with the SDK's own retry turned off (`runTransaction(work, 0)`): on any
   * failure — a conflict included — the SDK then rolls the attempt back before it throws, so its locks go at once.
   * (With retries on, the SDK starts the next attempt without rolling back the last, whose locks stay until the
   * service times them out, and the next attempt meets them.) Conflicts are retried here, with backoff, for at
   * most `TX_BUDGET_MS`; after that the caller gets `CONFLICT`.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.open();
    const deadline = this.clock.now() + TX_BUDGET_MS;
    for (let attempt = 0; ; attempt++) {
      const written = new Set<CollectionName>();
      let result: T;
      try {
        result = await this.db.runTransaction(async (t: SdkTransaction) => work(this.txAdapter(t, written)), 0);
      } catch (err) {
        if (sdkCode(err) !== CONFLICT) throw mapError(err);
        const pause = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
        if (this.clock.now() + pause >= deadline) throw mapError(err);
        await this.clock.sleep(pause);
        continue;
      }
      // Committed: now the write counters (a failure here is the call's failure; the writes stand).
      await this.counted(written);
      return result;
    }
  }

  private txAdapter(t: SdkTransaction, written: Set<CollectionName>): Transaction {
    const doc = (collection: CollectionName, id: string) => t.collection(collection).doc(id);
    return {
      get: async (collection, id) => {
        const res = checked(await doc(collection, id).get());
        return res.data ? fromDb(res.data) : null;
      },
      set: async (collection, id, value) => {
        written.add(collection);
        checked(await doc(collection, id).set(toDb(this.db, value as unknown as Plain)));
      },
      update: async (collection, id, patch) => {
        written.add(collection);
        const res = checked(await doc(collection, id).update(toPatch(this.db, patch as Plain)));
        if (!res.updated) {
          const current = checked(await doc(collection, id).get());
          if (!current.data) throw new AppError('NOT_FOUND');
        }
      },
      remove: async (collection, id) => {
        written.add(collection);
        checked(await doc(collection, id).remove());
      },
    };
  }

  /** The SDK holds no connection between requests: closing only makes later calls fail, as SQLite's does. */
  async close(): Promise<void> {
    this.closed = true;
  }
}

/** The part of the SDK's transaction object this adapter uses (the SDK types it as `any`). */
interface SdkTransaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(data: Plain): Promise<unknown>;
      update(data: Plain): Promise<{ updated?: number }>;
      remove(): Promise<unknown>;
    };
  };
}
