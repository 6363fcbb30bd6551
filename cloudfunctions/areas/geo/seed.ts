import type { CollectionName, Collections, Store } from '../../store/port';
import type { Reference } from './reference';

/**
 * Writes the reference streets and communities. Idempotent: a document that exists is left as it is (so a location
 * set by a worker survives a restart), and the street counters are only set when the street is first written.
 */
export async function seedReference(
  store: Store,
  ref: Reference,
  now: Date,
): Promise<{ streets: number; communities: number; created: number }> {
  let created = 0;
  created += await createMissing(
    store,
    'communities',
    ref.communities.map((c) => [c.code, c]),
  );
  created += await createMissing(
    store,
    'streets',
    ref.streets.map((s) => [s.code, s]),
  );
  await store.set('meta', 'seed', { key: 'seed', value: 'reference-v1', updatedAt: now.toISOString() });
  return { streets: ref.streets.length, communities: ref.communities.length, created };
}

/** Creates the documents that do not exist yet (checked in one batch read, each written in its own transaction). */
export async function createMissing<C extends CollectionName>(
  store: Store,
  collection: C,
  docs: [string, Collections[C]][],
): Promise<number> {
  const existing = await store.getMany(
    collection,
    docs.map(([id]) => id),
  );
  let created = 0;
  for (const [i, [id, doc]] of docs.entries()) {
    if (existing[i]) continue;
    const wrote = await store.transaction(async (tx) => {
      if (await tx.get(collection, id)) return false;
      await tx.set(collection, id, doc);
      return true;
    });
    if (wrote) created++;
  }
  return created;
}
