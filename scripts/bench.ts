/**
 * `npm run bench`, side by side in one run, at 1k / 10k / 100k outlets:
 * - nearby search answered from the R*Tree index and by scanning every outlet (same store, same queries, answers
 *   checked equal), p50 and p95 latency;
 * - whole-district coverage (every located community × the eight basic services) by the grid-bucketed engine and
 *   by brute force (answers checked equal), median of repeated runs;
 * - database requests per call on CloudBase at two data sizes (they must not grow).
 */
import { performance } from 'node:perf_hooks';
import { demoOutlets, nearbyWhere, writeDemoOutlets } from '../cloudfunctions/areas/outlets';
import { BASIC_CATEGORIES, type Outlet } from '../types';
import { computeCoverage } from '../cloudfunctions/core/coverage';
import { computeCoverageBruteForce } from './reference/coverage-brute';
import { NearbyScan } from './reference/nearby-scan';
import { requestsPerCall } from '../test/support/request-counts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../cloudfunctions/core/random';
import { reachMeters } from '../cloudfunctions/core/reach';
import { readReference } from '../cloudfunctions/local/reference-files';
import type { NearbyOptions } from '../cloudfunctions/store/port';
import { SqliteStore } from '../cloudfunctions/store/sqlite/SqliteStore';

const SIZES = [1_000, 10_000, 100_000];
const INDEXED_QUERIES = 300;
/** Scans are slow at 100k; fewer of them still give a stable p95. */
const SCAN_QUERIES = (n: number) => (n >= 100_000 ? 60 : 300);

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Whole-district coverage by the engine (several runs) and by brute force (fewer at 100k), answers compared. */
function coverageRow(communities: ReturnType<typeof readReference>['communities'], outlets: Outlet[]): string[] {
  const cs = communities.map((c) => ({ code: c.code, point: c.location!.coordinates }));
  const os = outlets
    .filter((o) => o.status === 'approved')
    .map((o) => ({ id: o.id, categories: o.categories, point: o.location.coordinates, hours: o.hours }));
  const engine: number[] = [];
  let fast = computeCoverage(cs, os, BASIC_CATEGORIES);
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    fast = computeCoverage(cs, os, BASIC_CATEGORIES);
    engine.push(performance.now() - t);
  }
  const brute: number[] = [];
  let slow = fast;
  for (let i = 0; i < (os.length >= 50_000 ? 1 : 3); i++) {
    const t = performance.now();
    slow = computeCoverageBruteForce(cs, os, BASIC_CATEGORIES);
    brute.push(performance.now() - t);
  }
  const key = (t: typeof fast) =>
    JSON.stringify([...t.entries()].map(([c, per]) => [c, Object.values(per).map((l) => l.map((r) => r.id))]));
  if (key(fast) !== key(slow)) throw new Error('coverage engine and brute force disagree');
  return [
    outlets.length.toLocaleString('en'),
    engine.length.toString(),
    median(engine).toFixed(1),
    median(brute).toFixed(1),
    `${(median(brute) / median(engine)).toFixed(0)}×`,
  ];
}

async function main(): Promise<void> {
  const communities = readReference().communities.filter((c) => c.location);
  const rows: string[][] = [];
  const coverageRows: string[][] = [];
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const store = SqliteStore.open(dir);
    const outlets = demoOutlets(communities, n, 42).outlets;
    coverageRows.push(coverageRow(communities, outlets));
    await writeDemoOutlets(store, outlets, undefined, 1000);
    const scanner = new NearbyScan(dir);
    const rand = seededRandom(n);
    const queries: NearbyOptions<Outlet>[] = Array.from({ length: INDEXED_QUERIES }, () => {
      const c = communities[Math.floor(rand() * communities.length)].location!.coordinates;
      const center: [number, number] = [c[0] + (rand() - 0.5) * 0.01, c[1] + (rand() - 0.5) * 0.01];
      // What outlets.nearby asks for its first page: the 50 nearest approved outlets, and one more.
      return { center, maxMeters: reachMeters(10), where: nearbyWhere({ lng: center[0], lat: center[1] }), limit: 51 };
    });
    // Warm both paths, and check that they agree before timing them.
    let found = 0;
    for (const q of queries.slice(0, 20)) {
      const [a, b] = [(await store.nearby('outlets', q)).items, scanner.nearest(q.center, q.maxMeters, q.limit ?? 51)];
      if (JSON.stringify(a.map((h) => h.id)) !== JSON.stringify(b.map((h) => h.id)))
        throw new Error('index and scan disagree');
      found += a.length;
    }
    const indexed: number[] = [];
    for (const q of queries) indexed.push(await time(() => store.nearby('outlets', q)));
    const scan: number[] = [];
    for (const q of queries.slice(0, SCAN_QUERIES(n)))
      scan.push(await time(async () => scanner.nearest(q.center, q.maxMeters, q.limit ?? 51)));
    scanner.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const [i50, i95, s50, s95] = [
      percentile(indexed, 50),
      percentile(indexed, 95),
      percentile(scan, 50),
      percentile(scan, 95),
    ];
    rows.push([
      n.toLocaleString('en'),
      String(Math.round(found / 20)),
      `${i50.toFixed(2)} / ${i95.toFixed(2)}`,
      `${s50.toFixed(2)} / ${s95.toFixed(2)}`,
      `${(s95 / i95).toFixed(1)}×`,
    ]);
  }
  console.log(
    `nearby search: first page (51 nearest approved outlets) within a 10-minute walk (${Math.round(reachMeters(10))} m), SQLite R*Tree vs full scan`,
  );
  table(['outlets', 'avg answer', 'indexed p50 / p95 (ms)', 'scan p50 / p95 (ms)', 'p95 speed-up'], rows);
  console.log('');
  console.log(
    `whole-district coverage: ${communities.length} located communities × 8 basic services within 15 minutes, grid engine vs brute force`,
  );
  table(['outlets', 'engine runs', 'engine median (ms)', 'brute force median (ms)', 'speed-up'], coverageRows);
  console.log('');
  console.log('database requests per call on CloudBase (the real SDK over the in-memory service), by data size');
  const sizes: [number, number][] = [
    [1_000, 100],
    [10_000, 1_000],
  ];
  const counts: Awaited<ReturnType<typeof requestsPerCall>>[] = [];
  for (const [o, s] of sizes) counts.push(await requestsPerCall(o, s));
  table(
    ['call', ...sizes.map(([o, s]) => `${o.toLocaleString('en')} outlets, ${s.toLocaleString('en')} sign-ups`)],
    Object.keys(counts[0]).map((call) => [call, ...counts.map((c) => String(c[call]))]),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
