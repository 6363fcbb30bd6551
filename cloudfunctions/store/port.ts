import type { Community, Page, Street, User } from '../../types';

/** A small key/value record: seed versions and similar facts about the store itself. */
export interface MetaDoc {
  key: string;
  value: string;
  updatedAt: string;
}

/** Every collection and the type of its documents. Collection names live here and nowhere else. */
export interface Collections {
  streets: Street;
  communities: Community;
  users: User;
  meta: MetaDoc;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS = ['streets', 'communities', 'users', 'meta'] as const satisfies readonly CollectionName[];

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field, limited to what CloudBase's database answers: equality, `in`, ranges and
 * existence. A field may be a dotted path (`scope.streetCode`).
 */
export type Condition =
  Scalar | { in: Scalar[] } | { gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar } | { exists: boolean };

export type Where = Record<string, Condition>;

/** Pages hold at most this many documents (CloudBase's default page). */
export const MAX_PAGE = 100;

export interface QueryOptions {
  where?: Where;
  /** One field; ties are broken by document id, so paging never skips or repeats a document. */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  /** 1..MAX_PAGE, default MAX_PAGE. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

export interface DocReader {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
}

export interface DocWriter {
  /** Creates or replaces the whole document. */
  set<C extends CollectionName>(collection: C, id: string, doc: Collections[C]): Promise<void>;
  /** Replaces the named top-level fields; the document must exist (`NOT_FOUND` otherwise). */
  update<C extends CollectionName>(collection: C, id: string, patch: Partial<Collections[C]>): Promise<void>;
  remove(collection: CollectionName, id: string): Promise<void>;
}

/**
 * What a transaction may do: read and write single documents by id, nothing else (CloudBase allows only
 * doc-level operations inside a transaction). Uniqueness therefore comes from deterministic ids, and
 * counters live on a parent document updated in the same transaction.
 */
export type Transaction = DocReader & DocWriter;

/**
 * The store port. Both adapters implement all of it; the contract tests run every method on both.
 * Do not call the store itself from inside `transaction` — use the `tx` it hands you.
 */
export interface Store extends DocReader, DocWriter {
  query<C extends CollectionName>(collection: C, options?: QueryOptions): Promise<Page<Collections[C]>>;
  count(collection: CollectionName, where?: Where): Promise<number>;
  /** Runs `work` atomically: all of its writes land, or none. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Field paths are written into queries: only plain dotted identifiers are accepted. */
export function checkField(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(field)) throw new Error(`bad field path: ${field}`);
  return field;
}

/** Cursor = the last document's order value and id, opaque to callers. */
export function encodeCursor(value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [Scalar, string] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return [v[0] as Scalar, v[1]];
  } catch {
    /* fall through */
  }
  return null;
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_PAGE;
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
}
