/**
 * The shape of `cloudbase/database.json`: every collection of the CloudBase database, its indexes and its security
 * rule. Provisioning (`npm run deploy:db`) and the in-memory CloudBase of the tests both read that one file, so a
 * query that no declared index serves fails in a test before it is slow or refused in production.
 */

/** One key of an index: ascending (1), descending (-1) or a geo index on a GeoJSON point field. */
export interface IndexKey {
  field: string;
  direction: 1 | -1 | '2dsphere';
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
  unique?: boolean;
}

/** A collection's security rule for clients. `false` everywhere: clients go through the cloud functions. */
export interface CollectionRules {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionSpec {
  name: string;
  /** What the collection holds, for people reading the file. */
  holds?: string;
  indexes: IndexSpec[];
  rules: CollectionRules;
}

export interface DatabaseSpec {
  description?: string;
  collections: CollectionSpec[];
}

/** The path of the declaration, relative to the repository root. */
export const DATABASE_SPEC_FILE = 'cloudbase/database.json';

/** Whether two index declarations build the same index (names aside). */
export function sameIndex(a: Pick<IndexSpec, 'keys' | 'unique'>, b: Pick<IndexSpec, 'keys' | 'unique'>): boolean {
  return (
    !!a.unique === !!b.unique &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k.field === b.keys[i].field && String(k.direction) === String(b.keys[i].direction))
  );
}
