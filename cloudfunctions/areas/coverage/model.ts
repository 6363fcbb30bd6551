import {
  BASIC_CATEGORIES,
  CATEGORY_BY_ID,
  type Community,
  type CommunityCoverage,
  type IndexFigure,
  type WeeklyHours,
} from '../../../types';
import {
  computeCoverage,
  convenienceIndex,
  KEEP_PER_CATEGORY,
  MAX_COVERAGE_MINUTES,
  missingCategories,
  OutletColumns,
} from '../../core/coverage';
import { metersBetween, reachMeters } from '../../core/reach';
import { forEachPage, readAll, type Store } from '../../store/port';
import { readSummary, summarize, SummaryBuilder, writeSummary } from './summary';
import { cachedCoverage, coverageWritten, markOutletsChanging, outletsVersion, recordComputedFrom } from './version';

const located = (c: Community): c is Community & { location: NonNullable<Community['location']> } =>
  c.location !== null;

/**
 * Writes communities' coverage and the compact summary requests read: replaced whole after a full refresh, updated
 * in a transaction for the few communities around a change. Then announces the new version.
 */
async function writeCoverage(store: Store, docs: CommunityCoverage[], now: Date, full = false): Promise<void> {
  for (let i = 0; i < docs.length; i += 25) {
    const batch = docs.slice(i, i + 25);
    await store.transaction(async (tx) => {
      for (const d of batch) await tx.set('coverage', d.communityCode, d);
    });
  }
  if (full) await writeSummary(store, summarize(docs), now);
  else if (!(await readSummary(store))) await writeSummary(store, summarize(await readAll(store, 'coverage')), now);
  else
    await store.transaction(async (tx) => {
      const builder = new SummaryBuilder((await readSummary(tx)) ?? undefined);
      for (const d of docs) builder.add(d);
      await writeSummary(tx, builder.summary, now);
    });
  await coverageWritten(store, now);
}

/** Full recomputes in a row when outlets keep being written meanwhile (then the model is left marked as behind). */
const ROUNDS = 3;

/**
 * Recomputes the whole coverage read model from every approved outlet (after seeding or an import). The outlets are
 * read page by page into compact columns (id, point, categories, shared hours), never held as documents, so a
 * million of them fit in a few hundred MB. Requests only ever read the stored result.
 *
 * The outlets' write counter is read before and after: an outlet written while this runs (an approval, a closure)
 * has had coverage around it recomputed at once, which this older picture must not overwrite — so a change seen
 * before writing means computing again, and one seen after writing means one more round. If outlets are still
 * changing after `ROUNDS`, the model is marked as behind, and the next start or timer run recomputes it.
 */
export async function refreshCoverage(store: Store, now: Date): Promise<{ communities: number; outlets: number }> {
  for (let round = 1; ; round++) {
    const [writes] = await store.versions(['outlets']);
    const from = await outletsVersion(store);
    const { communities, counted, table } = await computeFull(store);
    const changed = async () => (await store.versions(['outlets']))[0] !== writes;
    if (round < ROUNDS && (await changed())) continue;
    const computedAt = now.toISOString();
    await writeCoverage(
      store,
      communities.map((c) => ({
        communityCode: c.code,
        streetCode: c.streetCode,
        categories: table.get(c.code) ?? {},
        computedAt,
      })),
      now,
      true,
    );
    await store.set('meta', 'coverage', { key: 'coverage', value: String(counted), updatedAt: computedAt });
    if (!(await changed())) {
      await recordComputedFrom(store, from, now);
      return { communities: communities.length, outlets: counted };
    }
    if (round >= ROUNDS) {
      await markOutletsChanging(store, now);
      return { communities: communities.length, outlets: counted };
    }
  }
}

/** The whole district's coverage from the approved outlets as they are now. */
async function computeFull(store: Store) {
  const communities = (await readAll(store, 'communities')).filter(located);
  const columns = new OutletColumns(BASIC_CATEGORIES);
  const sharedHours = new Map<string, WeeklyHours>();
  let counted = 0;
  await forEachPage(store, 'outlets', { status: 'approved' }, (page) => {
    for (const o of page) {
      // A temporarily closed outlet serves nobody meanwhile.
      if (o.temporarilyClosed) continue;
      counted++;
      const key = JSON.stringify(o.hours);
      let hours = sharedHours.get(key);
      if (!hours) sharedHours.set(key, (hours = o.hours));
      columns.add({ id: o.id, categories: o.categories, point: o.location.coordinates, hours });
    }
  });
  const table = computeCoverage(
    communities.map((c) => ({ code: c.code, point: c.location.coordinates })),
    columns,
    BASIC_CATEGORIES,
  );
  return { communities, counted, table };
}

/** Recomputes one community from the spatial index (after its location is set). */
export async function refreshCommunityCoverage(store: Store, community: Community, now: Date): Promise<void> {
  if (!community.location) return;
  const categories: CommunityCoverage['categories'] = {};
  for (const cat of BASIC_CATEGORIES) {
    const hits = await store.nearby('outlets', {
      center: community.location.coordinates,
      maxMeters: reachMeters(MAX_COVERAGE_MINUTES),
      where: { status: 'approved', categories: { anyOf: [cat] } },
      limit: KEEP_PER_CATEGORY,
    });
    categories[cat] = hits.items
      .filter((h) => !h.doc.temporarilyClosed)
      .map((h) => ({ id: h.id, meters: h.meters, hours: h.doc.hours }));
  }
  await writeCoverage(
    store,
    [{ communityCode: community.code, streetCode: community.streetCode, categories, computedAt: now.toISOString() }],
    now,
  );
}

/** Recomputes the communities an outlet at `point` can reach (after an outlet is approved, suspended or moved). */
export async function refreshAround(store: Store, points: [number, number][], now: Date): Promise<number> {
  const reach = reachMeters(MAX_COVERAGE_MINUTES);
  const near = (await readAll(store, 'communities'))
    .filter(located)
    .filter((c) => points.some((p) => metersBetween(p, c.location.coordinates) <= reach));
  for (const c of near) await refreshCommunityCoverage(store, c, now);
  return near.length;
}

/** The read model by community (of one street), from the process's cache while its version is unchanged. */
export async function loadCoverage(store: Store, streetCode?: string): Promise<Map<string, CommunityCoverage>> {
  const all = await cachedCoverage(store);
  if (!streetCode) return all;
  return new Map([...all].filter(([, d]) => d.streetCode === streetCode));
}

// The cached read model's documents stay the same objects until its version changes, so what each lacks at a
// given walk (and instant) is worked out once per process, not once per figure of every report.
const missingMemo = new WeakMap<CommunityCoverage, Map<string, string[]>>();

/** The missing basic categories of a community (all of them when it has no coverage yet). */
export function missingOf(coverage: CommunityCoverage | undefined, minutes: number, openAt?: Date): string[] {
  if (!coverage) return [...BASIC_CATEGORIES];
  const key = `${minutes}|${openAt?.getTime() ?? ''}`;
  let memo = missingMemo.get(coverage);
  if (!memo) missingMemo.set(coverage, (memo = new Map()));
  let missing = memo.get(key);
  if (!missing) {
    if (memo.size >= 32) memo.clear();
    missing = missingCategories(coverage.categories, BASIC_CATEGORIES, minutes, openAt);
    memo.set(key, missing);
  }
  return [...missing];
}

/** The convenience index of a set of communities: located ones counted, unlocated ones only reported. */
export function indexFigure(
  communities: Community[],
  coverage: Map<string, CommunityCoverage>,
  minutes: number,
  openAt?: Date,
): IndexFigure {
  const counted = communities.filter(located);
  const served = counted.filter((c) => missingOf(coverage.get(c.code), minutes, openAt).length === 0).length;
  return {
    total: communities.length,
    located: counted.length,
    unlocated: communities.length - counted.length,
    served,
    index: convenienceIndex(served, counted.length),
  };
}

export const basicName = (id: string) => CATEGORY_BY_ID[id as keyof typeof CATEGORY_BY_ID]?.name ?? id;
