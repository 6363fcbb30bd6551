import { EJSON } from 'bson';
import { Query, update as applyUpdate } from 'mingo';
import { metersBetween } from '../../cloudfunctions/core/reach';

type Plain = Record<string, unknown>;
interface Row {
  doc: Plain;
  /** Sequence number of the commit that last wrote this row. */
  seq: number;
}
interface Tx {
  id: string;
  /** The commit sequence when the transaction started: a row written after it is a conflict. */
  startSeq: number;
  writes: Map<string, Plain | null>;
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

/**
 * CloudBase's database, in memory, behind the SDK's own request class. The SDK serialises every call into
 * `(api, params)` with EJSON strings; this evaluates them with mingo and answers in the shapes the SDK reads.
 * Transactions follow CloudBase: doc-level operations only, writes invisible until commit, and a write to a
 * document that another transaction holds or has committed since this one started fails with
 * `DATABASE_TRANSACTION_CONFLICT`.
 */
export class MemoryCloudbase {
  private readonly rows = new Map<string, Map<string, Row>>();
  private readonly txs = new Map<string, Tx>();
  /** Which open transaction holds a pending write on a document. */
  private readonly locks = new Map<string, string>();
  private seq = 0;
  private txCounter = 0;
  /** Every request the SDK sent, for tests that look at the wire. */
  readonly requests: { api: string; params: Plain }[] = [];

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

  private table(coll: string): Map<string, Row> {
    let t = this.rows.get(coll);
    if (!t) this.rows.set(coll, (t = new Map()));
    return t;
  }

  private tx(params: Plain): Tx | null {
    if (!params.transactionId) return null;
    const tx = this.txs.get(String(params.transactionId));
    if (!tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'transaction not found or finished');
    return tx;
  }

  async send(api: string, params: Plain): Promise<unknown> {
    this.requests.push({ api, params });
    // Answer on a later turn, as a network would, so concurrent callers interleave.
    await new Promise((r) => setImmediate(r));
    switch (api) {
      case 'database.startTransaction': {
        const id = `tx-${++this.txCounter}`;
        this.txs.set(id, { id, startSeq: this.seq, writes: new Map() });
        return { transactionId: id, requestId: id };
      }
      case 'database.commitTransaction':
        return this.finish(params, true);
      case 'database.abortTransaction':
        return this.finish(params, false);
      case 'database.getDocument':
        return this.get(params);
      case 'database.calculateDocument':
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
    return this.table(coll).get(id)?.doc ?? null;
  }

  private get(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    if (params.queryType === 'DOC') {
      const doc = this.current(coll, idOf(parse(params.query)), tx);
      return { data: { list: doc ? [EJSON.stringify(doc)] : [] }, requestId: 'memory' };
    }
    if (tx) throw new CloudbaseError('DATABASE_REQUEST_FAILED', 'only doc operations are allowed in a transaction');
    let docs = this.where(params);
    const order = parse(params.order) as Record<string, 1 | -1>;
    if (Object.keys(order).length) docs = new Query({}).find<Plain>(docs).sort(order).all();
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), 1000);
    return { data: { list: docs.slice(offset, offset + limit).map((d) => EJSON.stringify(d)) }, requestId: 'memory' };
  }

  /**
   * mingo evaluates the query; a `$nearSphere` condition (what the SDK's `geoNear` becomes) is evaluated here, as
   * CloudBase's geo index does: within `$maxDistance` metres, nearest first.
   */
  private where(params: Plain): Plain[] {
    const all = [...this.table(String(params.collectionName)).values()].map((r) => r.doc);
    const query = parse(params.query);
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
        return { doc, meters: c ? metersBetween(center, c) : Infinity };
      })
      .filter((h) => h.meters >= min && h.meters <= max)
      .sort((a, b) => a.meters - b.meters)
      .map((h) => h.doc);
  }

  /** A transaction may write a document only if nobody else holds it or wrote it since the transaction began. */
  private claim(tx: Tx, coll: string, id: string): void {
    const k = key(coll, id);
    const holder = this.locks.get(k);
    const row = this.table(coll).get(id);
    if ((holder && holder !== tx.id) || (row && row.seq > tx.startSeq))
      throw new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', 'write conflict');
    this.locks.set(k, tx.id);
  }

  private write(coll: string, id: string, doc: Plain | null, tx: Tx | null): void {
    if (tx) {
      this.claim(tx, coll, id);
      tx.writes.set(key(coll, id), doc);
      return;
    }
    const seq = ++this.seq;
    if (doc) this.table(coll).set(id, { doc, seq });
    else this.table(coll).delete(id);
  }

  private modify(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    if (params.queryType !== 'DOC' || params.multi)
      throw new CloudbaseError('INVALID_PARAM', 'this store only modifies by id');
    const id = idOf(parse(params.query));
    const existing = this.current(coll, id, tx);
    const data = parse(params.data);
    if (params.merge) {
      if (!existing) return { data: { updated: 0 }, requestId: 'memory' };
      const next = structuredClone(existing);
      applyUpdate(next, data);
      this.write(coll, id, next, tx);
      return { data: { updated: 1 }, requestId: 'memory' };
    }
    if (!existing && !params.upsert) return { data: { updated: 0 }, requestId: 'memory' };
    this.write(coll, id, { _id: id, ...data }, tx);
    return { data: existing ? { updated: 1 } : { updated: 0, upsert_id: id }, requestId: 'memory' };
  }

  private insert(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    const ids: string[] = [];
    for (const raw of params.data as string[]) {
      const doc = parse(raw);
      const id = typeof doc._id === 'string' ? doc._id : `auto-${++this.seq}`;
      if (this.current(coll, id, tx)) throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${id}`);
      this.write(coll, id, { ...doc, _id: id }, tx);
      ids.push(id);
    }
    return { data: { insertedIds: ids }, requestId: 'memory' };
  }

  private remove(params: Plain) {
    const coll = String(params.collectionName);
    const tx = this.tx(params);
    const id = idOf(parse(params.query));
    const existed = !!this.current(coll, id, tx);
    if (existed) this.write(coll, id, null, tx);
    return { data: { deleted: existed ? 1 : 0 }, requestId: 'memory' };
  }

  private finish(params: Plain, commit: boolean) {
    const tx = this.tx(params);
    if (!tx) throw new CloudbaseError('INVALID_PARAM', 'transactionId is required');
    this.txs.delete(tx.id);
    for (const k of tx.writes.keys()) if (this.locks.get(k) === tx.id) this.locks.delete(k);
    if (commit) {
      const seq = ++this.seq;
      for (const [k, doc] of tx.writes) {
        const [coll, id] = k.split('\u0000');
        if (doc) this.table(coll).set(id, { doc, seq });
        else this.table(coll).delete(id);
      }
    }
    return { requestId: tx.id };
  }
}
