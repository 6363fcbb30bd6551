import type { CommunityCoverage } from '../../../types';
import { readAll, type Store } from '../../store/port';
import { expandSummary, readSummary, summarize, SUMMARY_KEY } from './summary';

/**
 * Versions that let coverage know whether it is current, and let every process keep the read model in memory:
 * - `outletsVersion`: bumped before any bulk write of outlets (a census import, demo seeding);
 * - `coverageFrom`: the outlets version the last full refresh was computed from;
 * - `coverageVersion`: bumped after every write of the read model (full or around a change).
 * A crash in the middle of a bulk write leaves `coverageFrom` behind `outletsVersion`: the next start (or import)
 * sees it and recomputes, so coverage can be late but never silently wrong.
 */
const OUTLETS = 'outletsVersion';
const FROM = 'coverageFrom';
const VERSION = 'coverageVersion';

async function readNumber(store: Store, key: string): Promise<number> {
  return Number((await store.get('meta', key))?.value ?? 0);
}

/** Bumps a counter in a transaction and answers the new value. */
async function bump(store: Store, key: string, now: Date): Promise<number> {
  return store.transaction(async (tx) => {
    const next = Number((await tx.get('meta', key))?.value ?? 0) + 1;
    await tx.set('meta', key, { key, value: String(next), updatedAt: now.toISOString() });
    return next;
  });
}

/** Marks the outlets as changing in bulk: coverage computed before this is no longer current. */
export const markOutletsChanging = (store: Store, now: Date) => bump(store, OUTLETS, now);

export const outletsVersion = (store: Store) => readNumber(store, OUTLETS);

export async function recordComputedFrom(store: Store, version: number, now: Date): Promise<void> {
  await store.set('meta', FROM, { key: FROM, value: String(version), updatedAt: now.toISOString() });
}

/** Whether the read model was computed from the outlets as they are now (and has its summary). */
export async function coverageIsCurrent(store: Store): Promise<boolean> {
  const [outlets, from, summary] = await Promise.all([
    readNumber(store, OUTLETS),
    readNumber(store, FROM),
    store.get('meta', SUMMARY_KEY),
  ]);
  return from >= outlets && summary !== null;
}

/** The number `coverageWritten` raises: a cache built from the read model is valid while it is unchanged. */
export const coverageVersion = (store: Store) => readNumber(store, VERSION);

/** Announces a new read model to every process's cache. */
export const coverageWritten = (store: Store, now: Date) => bump(store, VERSION, now);

interface Cached {
  store: Store;
  version: number;
  docs: Map<string, CommunityCoverage>;
}
let cache: Cached | null = null;

/**
 * The read model by community, from this process's memory while its version is unchanged: a request reads one small
 * version document, and after a change one compact summary document — never every community's full coverage
 * (only a store written before the summary existed is summarised from it, once per version).
 */
export async function cachedCoverage(store: Store): Promise<Map<string, CommunityCoverage>> {
  const version = await readNumber(store, VERSION);
  if (cache && cache.store === store && cache.version === version) return cache.docs;
  const summary = (await readSummary(store)) ?? summarize(await readAll(store, 'coverage'));
  const docs = expandSummary(summary);
  cache = { store, version, docs };
  return docs;
}
