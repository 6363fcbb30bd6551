import type { IndexSpec } from '../../cloudfunctions/store/cloudbase/schema';

type Plain = Record<string, unknown>;

/**
 * What a query asks of an index: the fields it pins to values (equality, `in`, all-of), the fields it bounds
 * (ranges, existence, patterns, the cursor's `$or`), the field it orders by, and a geo field for `geoNear`.
 * `_id` is left out: every collection has its `_id` index.
 */
export interface QueryShape {
  collection: string;
  equality: string[];
  range: string[];
  order: string | null;
  geo: string | null;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte', '$ne', '$nin', '$exists', '$regex', '$not']);
const EQUALITY_OPS = new Set(['$eq', '$in', '$all', '$elemMatch', '$size']);
const GEO_OPS = new Set(['$nearSphere', '$near', '$geoNear', '$geoWithin', '$geoIntersects']);

function walk(query: unknown, inOr: boolean, shape: { eq: Set<string>; range: Set<string>; geo: string | null }) {
  if (!query || typeof query !== 'object') return;
  for (const [key, value] of Object.entries(query as Plain)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const branch of value as unknown[]) walk(branch, inOr || key !== '$and', shape);
      continue;
    }
    if (key === '_id' || key.startsWith('$')) continue;
    const ops = value && typeof value === 'object' && !(value instanceof RegExp) ? Object.keys(value as Plain) : [];
    const operator = ops.length > 0 && ops.every((k) => k.startsWith('$'));
    if (operator && ops.some((k) => GEO_OPS.has(k))) shape.geo = key;
    else if (value instanceof RegExp || (operator && ops.some((k) => RANGE_OPS.has(k)))) shape.range.add(key);
    else if (inOr) shape.range.add(key);
    else if (!operator || ops.every((k) => EQUALITY_OPS.has(k))) shape.eq.add(key);
    else shape.range.add(key);
  }
}

/** The shape of a query as the SDK sends it (after EJSON parsing), with its sort. */
export function shapeOf(collection: string, query: Plain, order: Record<string, unknown> = {}): QueryShape {
  const s = { eq: new Set<string>(), range: new Set<string>(), geo: null as string | null };
  walk(query, false, s);
  const orderField = Object.keys(order).find((f) => f !== '_id') ?? null;
  return {
    collection,
    equality: [...s.eq].sort(),
    range: [...s.range].filter((f) => !s.eq.has(f)).sort(),
    order: orderField,
    geo: s.geo,
  };
}

/** A shape in words, as the errors and the tests name it. */
export function describeShape(shape: QueryShape): string {
  const parts = [
    ...shape.equality.map((f) => `${f} =`),
    ...shape.range.map((f) => `${f} range`),
    ...(shape.geo ? [`${shape.geo} geoNear`] : []),
  ];
  const where = parts.length ? ` where ${parts.join(', ')}` : '';
  return `${shape.collection}${where}${shape.order ? ` order by ${shape.order}` : ''}`;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Whether an index answers a query without scanning the collection or sorting in memory: its leading keys are the
 * query's pinned fields (in any order), then the order field, then the bounded fields. A `geoNear` needs a geo index
 * on its field; its other conditions are checked on the documents the geo index yields.
 */
export function serves(index: IndexSpec, shape: QueryShape): boolean {
  if (shape.geo) return index.keys.some((k) => k.field === shape.geo && k.direction === '2dsphere');
  if (index.keys.some((k) => k.direction === '2dsphere')) return false;
  const keys = index.keys.map((k) => k.field).filter((f) => f !== '_id');
  const { equality, range, order } = shape;
  if (!sameSet(keys.slice(0, equality.length), equality)) return false;
  let rest = keys.slice(equality.length);
  if (order && !equality.includes(order)) {
    if (rest[0] !== order) return false;
    rest = rest.slice(1);
  }
  const bounded = range.filter((f) => f !== order);
  return sameSet(rest.slice(0, bounded.length), bounded);
}

/** Whether a query needs an index at all: anything but a read of the whole collection in `_id` order. */
export function needsIndex(shape: QueryShape): boolean {
  return !!(shape.geo || shape.order || shape.equality.length || shape.range.length);
}
