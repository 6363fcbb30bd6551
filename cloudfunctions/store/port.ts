import type {
  Message,
  MessageKind,
  Business,
  Circle,
  Community,
  CommunityCoverage,
  CommunityEvent,
  Outlet,
  OutletReview,
  DemandReport,
  Survey,
  SurveyAnswer,
  OutletRatings,
  Rating,
  Page,
  Signup,
  StoredFile,
  Street,
  User,
  Subsidy,
  Inspection,
  Assessment,
  RiskWarning,
  BuiltRecord,
  CircleSurveyLink,
  Designation,
  EvaluationConfig,
  Guideline,
  GuidelineVersion,
  IndexSnapshot,
} from '../../types';
import { AppError } from '../core/errors';

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
  outlets: Outlet;
  /** The coverage read model, one document per located community (id = community code). */
  coverage: CommunityCoverage;
  circles: Circle;
  events: CommunityEvent;
  /** id `<eventId>_<openid>`. */
  signups: Signup;
  /** id `biz-<credit code>`: one business per licence. */
  businesses: Business;
  /** The audit trail of outlet reviews, id `<outletId>_<seq>`. */
  outletReviews: OutletReview;
  files: StoredFile;
  /** id `<outletId>_<openid>`. */
  ratings: Rating;
  /** The aggregate of each outlet's ratings, id = outlet id. */
  outletRatings: OutletRatings;
  /** One report per person per rating (id `<ratingId>_<openid>`), and per-person hourly counters. */
  ratingReports: { id: string; ratingId: string; openid: string; reason: string | null; at: string };
  /** Counters of limits; `expiresAt` says when a counter no longer matters (the local server prunes it then). */
  rateLimits: { id: string; count: number; expiresAt?: string };
  surveys: Survey;
  /** id `<surveyId>_<openid>`. */
  surveyAnswers: SurveyAnswer;
  demandReports: DemandReport;
  /** Local sign-in sessions (id = the token's session id): how each was issued, and whether it was revoked. */
  sessions: SessionRecord;
  /** Messages to people (the outbox of WeChat delivery), id chosen by the change that causes them. */
  messages: Message;
  /** One-time WeChat subscriptions a person holds, id `<openid>_<kind>`. */
  messageSubscriptions: { id: string; openid: string; kind: MessageKind; count: number };
  /** What the local sender recorded instead of sending to WeChat, id = the message's. */
  deliveries: { id: string; recipient: string; kind: MessageKind; at: string };
  /** Records of public support to businesses (admin and street workers only). */
  subsidies: Subsidy;
  inspections: Inspection;
  /** id `<period key>_<outlet id>`: one per supported outlet and period. */
  assessments: Assessment;
  /** Risk warnings, id `<rule>_<subject>`. */
  warnings: RiskWarning;
  /** The daily convenience index (id = Beijing date `YYYY-MM-DD`, one per day). */
  indexSnapshots: IndexSnapshot;
  /** Evaluation thresholds: `current`, and every version (`v<n>`). */
  evaluationConfig: EvaluationConfig;
  /** A circle's satisfaction survey (id = circle id). */
  circleSurveys: CircleSurveyLink;
  /** How circles became 已建成 (id `<circleId>_<instant>`): evaluation passed, or the admin's override. */
  builtRecords: BuiltRecord;
  /** 示范 designations, id `<kind>_<targetId>`. */
  designations: Designation;
  /** Each street's 一街一则 (id = street code), and its saved versions (id `<streetCode>_<version>`). */
  guidelines: Guideline;
  guidelineVersions: GuidelineVersion;
}

/** A local session: tokens name it, so it can be revoked (sign-out) or refused (demo sign-in turned off). */
export interface SessionRecord {
  id: string;
  openid: string;
  /** `demo`: a demo account or a fresh dev resident, through dev sign-in. */
  via: 'demo';
  createdAt: string;
  revokedAt: string | null;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS = [
  'streets',
  'communities',
  'users',
  'meta',
  'outlets',
  'coverage',
  'circles',
  'events',
  'signups',
  'businesses',
  'outletReviews',
  'files',
  'ratings',
  'outletRatings',
  'ratingReports',
  'rateLimits',
  'surveys',
  'surveyAnswers',
  'demandReports',
  'sessions',
  'messages',
  'messageSubscriptions',
  'deliveries',
  'subsidies',
  'inspections',
  'assessments',
  'indexSnapshots',
  'evaluationConfig',
  'circleSurveys',
  'builtRecords',
  'designations',
  'guidelines',
  'guidelineVersions',
  'warnings',
] as const satisfies readonly CollectionName[];

/**
 * Collections whose writes are counted (`Store.versions`): what the per-process caches of reports and searches are
 * built from. A cache stays valid while the numbers it was built under are unchanged.
 */
export const VERSIONED = ['streets', 'communities', 'circles', 'events', 'outlets', 'outletRatings'] as const;
export type VersionedCollection = (typeof VERSIONED)[number];

/** Collections whose `location` (a GeoJSON point) has a spatial index. */
export type GeoCollection = 'outlets';
export const GEO_COLLECTIONS = ['outlets'] as const satisfies readonly GeoCollection[];

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field, limited to what CloudBase's database answers: equality, `in`, ranges,
 * existence, and any-of / all-of on array fields. A field may be a dotted path (`scope.streetCode`).
 */
export type Condition =
  | Scalar
  | { in: Scalar[] }
  | { gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar }
  | { exists: boolean }
  /** An array field holding at least one of the values. */
  | { anyOf: Scalar[] }
  /** An array field holding every one of the values. */
  | { allOf: Scalar[] }
  /** A text field containing the text (case-sensitive); a scan, so combine it with a narrowing condition. */
  | { contains: string };

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

/** The most a nearby search answers (CloudBase's cap on one read). */
export const MAX_NEARBY = 1000;

export interface NearbyOptions<T = unknown> {
  /** `[lng, lat]`, GCJ-02. */
  center: [number, number];
  /** Straight-line radius in metres. */
  maxMeters: number;
  where?: Where;
  /**
   * A test on the document that the store's conditions cannot express (e.g. open at an instant); applied before
   * paging, so a page is full of accepted documents and the cursor follows the last of them.
   */
  accept?: (doc: T) => boolean;
  /** `nextCursor` of the previous page: only documents beyond its last hit in (distance, id) order. */
  cursor?: string | null;
  /** 1..MAX_NEARBY, default MAX_NEARBY. */
  limit?: number;
}

/** A document and its straight-line distance from the search centre. */
export interface Near<T> {
  id: string;
  doc: T;
  meters: number;
}

/** A page of a nearby search; `nextCursor` is null when nothing more lies within the radius. */
export interface NearPage<T> {
  items: Near<T>[];
  nextCursor: string | null;
}

export interface DocReader {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
}

/** Batch reads by id (outside transactions). */
export interface BatchReader {
  /** The documents with these ids, in the same order (null where none exists); any number of ids. */
  getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<(Collections[C] | null)[]>;
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
export interface Store extends DocReader, BatchReader, DocWriter {
  query<C extends CollectionName>(collection: C, options?: QueryOptions): Promise<Page<Collections[C]>>;
  count(collection: CollectionName, where?: Where): Promise<number>;
  /**
   * Documents within `maxMeters` of a point, nearest first (ties by id), answered from a spatial index —
   * never by reading every document.
   */
  nearby<C extends GeoCollection>(
    collection: C,
    options: NearbyOptions<Collections[C]>,
  ): Promise<NearPage<Collections[C]>>;
  /**
   * Runs `work` atomically: all of its writes land, or none. `work` may run more than once (a conflicting attempt
   * is rolled back and retried), so it must not have effects outside the transaction. On CloudBase retries stop
   * after `TX_BUDGET_MS` with `CONFLICT`; touch the contended document (a counter, an aggregate) first, so a
   * conflict shows at the first write, and keep the number of operations inside small.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * One number per collection, in the order asked, that changes after any document of it is written, by any process
   * (a write counter). Read it before building a cache from a collection: a number unchanged since then means
   * nothing was written since.
   */
  versions(collections: readonly VersionedCollection[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Field paths are written into queries: only plain dotted identifiers are accepted. */
export function checkField(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(field)) throw new Error(`bad field path: ${field}`);
  return field;
}

/** The value at a dotted path of a document (null when absent): the order value a cursor remembers. */
export function readField(doc: unknown, field: string): Scalar {
  let v: unknown = doc;
  for (const part of field.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v === undefined ? null : (v as Scalar);
}

/** Cursor = the last document's order value and id, opaque to callers. */
export function encodeCursor(value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/** The error for a cursor this store did not make. */
export function badCursor(): AppError {
  return new AppError('INVALID_INPUT', '分页位置无效，请从第一页重新开始', 'cursor');
}

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The (value, id) a cursor holds, or null when it is not one this store made (any other shape is refused). */
export function decodeCursor(cursor: string): [Scalar, string] | null {
  if (typeof cursor !== 'string' || cursor.length > 512 || !/^[A-Za-z0-9_-]*$/.test(cursor)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && isScalar(v[0]) && typeof v[1] === 'string' && v[1].length <= 200)
      return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  return null;
}

/** A nearby cursor: the (distance, id) of the previous page's last hit; `badCursor` for anything else. */
export function decodeNearCursor(cursor: string | null | undefined): { meters: number; id: string } | null {
  if (!cursor) return null;
  const c = decodeCursor(cursor);
  if (!c || typeof c[0] !== 'number' || c[0] < 0) throw badCursor();
  return { meters: c[0], id: c[1] };
}

/** Every document of a collection matching `where`, page by page (for read models, reports and exports). */
export async function readAll<C extends CollectionName>(
  store: Pick<Store, 'query'>,
  collection: C,
  where?: Where,
  orderBy?: QueryOptions['orderBy'],
): Promise<Collections[C][]> {
  const out: Collections[C][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Collections[C]> = await store.query(collection, { where, orderBy, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Visits every document matching `where` one page at a time, without holding them all (large collections). */
export async function forEachPage<C extends CollectionName>(
  store: Pick<Store, 'query'>,
  collection: C,
  where: Where | undefined,
  visit: (items: Collections[C][]) => Promise<void> | void,
): Promise<number> {
  let cursor: string | null = null;
  let n = 0;
  do {
    const page: Page<Collections[C]> = await store.query(collection, { where, cursor });
    n += page.items.length;
    await visit(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

/** The documents with these ids that exist, by id: a batch read as a map. */
export async function getManyMap<C extends CollectionName>(
  store: BatchReader,
  collection: C,
  ids: readonly string[],
): Promise<Map<string, Collections[C]>> {
  const unique = [...new Set(ids)];
  const docs = await store.getMany(collection, unique);
  const out = new Map<string, Collections[C]>();
  docs.forEach((d, i) => d && out.set(unique[i], d));
  return out;
}

/** Nearest first; equal distances by id, so every adapter answers in the same order. */
export function byDistance(a: { id: string; meters: number }, b: { id: string; meters: number }): number {
  return a.meters - b.meters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a hit comes after the `after` mark in (distance, id) order. */
export function isAfter(hit: { meters: number; id: string }, after: { meters: number; id: string } | null): boolean {
  return !after || hit.meters > after.meters || (hit.meters === after.meters && hit.id > after.id);
}

/**
 * One page of nearby hits (already nearest first, beyond the cursor): the accepted ones up to `limit`, and a cursor
 * after the last of them when one more accepted hit exists.
 */
export function pageOf<T>(hits: Near<T>[], limit: number, accept?: (doc: T) => boolean): NearPage<T> {
  const items: Near<T>[] = [];
  let more = false;
  for (const h of hits) {
    if (accept && !accept(h.doc)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(h);
  }
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.meters, last.id) : null };
}

export function nearbyLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_NEARBY;
  return Math.max(1, Math.min(MAX_NEARBY, Math.floor(limit)));
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_PAGE;
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
}
