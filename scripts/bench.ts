/**
 * `npm run bench [-- --1m]`, side by side in one run, printed with ratios:
 * - nearby search at 10k / 100k outlets: the store's index (its in-memory kd-tree mirror of the R*Tree, current
 *   under the outlets' write counter; parsed documents kept while it is), a full scan and a bare `kdbush` query on
 *   the same points (answers checked equal), and the whole `outlets.nearby` action with a rating aggregate for every
 *   outlet, first at each point and then again;
 * - whole-district coverage: the kd-tree engine, brute force and a bare kd-tree pass (answers of engine and brute
 *   force checked equal), and a full refresh of the stored read model in a process of its own, with its peak memory;
 * - sign-ups: the cost of one more join at 1,000 and at 10,000 sign-ups, and the event document's size;
 * - HTTP at 100k outlets: `geo.streets`, `outlets.nearby` and `coverage.report` of the local server against a bare
 *   `node:http` server answering the same bytes, and `geo.streets` p99 while another client loops
 *   `coverage.report` and while a full refresh runs;
 * - database requests per call on CloudBase at two data sizes (they must not grow).
 * `--http-only` runs only the HTTP rows; `--1m` adds one million outlets to the nearby and coverage rows (a few
 * minutes more; this process then holds the generated outlets for its references, several GB).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import KDBush from 'kdbush';
import { refreshCoverage, requestFullRefresh } from '../cloudfunctions/areas/coverage';
import { demoOutlets, nearbyWhere, writeDemoOutlets } from '../cloudfunctions/areas/outlets';
import { computeCoverage } from '../cloudfunctions/core/coverage';
import { kdNearest } from '../cloudfunctions/core/kd-nearest';
import { seededRandom } from '../cloudfunctions/core/random';
import { metersBetween, reachMeters } from '../cloudfunctions/core/reach';
import { ensureSeeded, startLocal } from '../cloudfunctions/local/main';
import { readReference } from '../cloudfunctions/local/reference-files';
import type { NearbyOptions } from '../cloudfunctions/store/port';
import { SqliteStore } from '../cloudfunctions/store/sqlite/SqliteStore';
import { buildFunctions, FUNCTIONS_DIR } from './build-functions';
import { requestsPerCall } from '../test/support/request-counts';
import { callRaw, depsFor, FIXED_NOW } from '../test/support/harness';
import { BASIC_CATEGORIES, FUNCTIONS, type Outlet } from '../types';
import { computeCoverageBruteForce } from './reference/coverage-brute';
import { bareKdPass } from './reference/coverage-kdbush';
import { NearbyScan } from './reference/nearby-scan';
import { eventInput } from '../test/support/events';

const MILLION = process.argv.includes('--1m');
/** `--quick`: one small size, to check that the bench runs. */
const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [3_000] : MILLION ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
const HTTP_AT = QUICK ? 3_000 : 100_000;
const QUERIES = 300;
const SCAN_QUERIES = (n: number) => (n >= 1_000_000 ? 10 : n >= 100_000 ? 40 : 200);
const MB = (kb: number) => `${Math.round(kb / 1024)} MB`;

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const median = (s: number[]) => percentile(s, 50);
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×`;

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
}

const communities = readReference().communities.filter((c) => c.location);
const coverageCommunities = communities.map((c) => ({ code: c.code, point: c.location!.coordinates }));

/** A data folder with the reference data and `n` demo outlets (no coverage computed yet). */
async function buildStore(n: number): Promise<{ dir: string; store: SqliteStore; outlets: Outlet[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const store = SqliteStore.open(dir);
  await ensureSeeded(store, 0, FIXED_NOW);
  const outlets = demoOutlets(communities, n, 42).outlets;
  await writeDemoOutlets(store, outlets, undefined, 1000);
  return { dir, store, outlets };
}

/** A full refresh of the stored read model in a process of its own: its time and peak memory. */
function refreshInChild(dir: string): { ms: number; maxRssKb: number } {
  const out = spawnSync(process.execPath, [...process.execArgv, __filename, '--refresh-child', dir], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`refresh child failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number; maxRssKb: number };
}

async function refreshChild(dir: string): Promise<void> {
  const store = SqliteStore.open(dir);
  const t = performance.now();
  await refreshCoverage(store, new Date());
  const took = performance.now() - t;
  await store.close();
  console.log(JSON.stringify({ ms: took, maxRssKb: process.resourceUsage().maxRSS }));
}

const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** Nearby rows: index vs scan vs bare kdbush, and the whole action with ratings. */
async function nearbyRow(n: number, dir: string, store: SqliteStore, outlets: Outlet[]): Promise<string[]> {
  const approved = outlets.filter((o) => o.status === 'approved');
  const kx = METERS_PER_DEGREE * Math.cos((39.91 * Math.PI) / 180);
  const tree = new KDBush(approved.length);
  for (const o of approved) tree.add(o.location.coordinates[0] * kx, o.location.coordinates[1] * METERS_PER_DEGREE);
  tree.finish();
  const rand = seededRandom(n);
  const queries: NearbyOptions<Outlet>[] = Array.from({ length: QUERIES }, () => {
    const c = communities[Math.floor(rand() * communities.length)].location!.coordinates;
    const center: [number, number] = [c[0] + (rand() - 0.5) * 0.01, c[1] + (rand() - 0.5) * 0.01];
    // What outlets.nearby asks for its first page: the 50 nearest approved outlets, and one more.
    return { center, maxMeters: reachMeters(10), where: nearbyWhere({ lng: center[0], lat: center[1] }), limit: 51 };
  });
  const bare = (q: NearbyOptions<Outlet>) => {
    const hits: { id: string; meters: number }[] = [];
    kdNearest(tree, q.center[0] * kx, q.center[1] * METERS_PER_DEGREE, q.maxMeters * 1.01 + 1, (i) => {
      const o = approved[i];
      const meters = metersBetween(q.center, o.location.coordinates);
      if (meters <= q.maxMeters) hits.push({ id: o.id, meters });
      return hits.length < 60;
    });
    return hits.sort((a, b) => a.meters - b.meters || (a.id < b.id ? -1 : 1)).slice(0, 51);
  };
  // What a running server reaches: the first search starts the mirror's build (answering from the R*Tree meanwhile).
  await store.nearby('outlets', queries[0]);
  await store.mirrorsSettled();
  const scanner = new NearbyScan(dir);
  for (const q of queries.slice(0, 10)) {
    const a = (await store.nearby('outlets', q)).items.map((h) => h.id);
    const b = scanner.nearest(q.center, q.maxMeters, 51).map((h) => h.id);
    const c = bare(q).map((h) => h.id);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('index and scan disagree');
    if (JSON.stringify(a.slice(0, 40)) !== JSON.stringify(c.slice(0, 40))) throw new Error('index and kdbush disagree');
  }
  const time = async (run: () => unknown) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  const indexed: number[] = [];
  for (const q of queries) indexed.push(await time(() => store.nearby('outlets', q)));
  const kd: number[] = [];
  for (const q of queries) kd.push(await time(() => bare(q)));
  const scan: number[] = [];
  for (const q of queries.slice(0, SCAN_QUERIES(n)))
    scan.push(await time(() => scanner.nearest(q.center, q.maxMeters, 51)));
  scanner.close();
  // The whole action, with a rating aggregate for every outlet (read by id in one batch).
  for (let i = 0; i < approved.length; i += 1000)
    await store.transaction(async (tx) => {
      for (const o of approved.slice(i, i + 1000))
        await tx.set('outletRatings', o.id, {
          outletId: o.id,
          streetCode: o.streetCode,
          count: 3,
          sum: 12,
          histogram: [0, 0, 1, 1, 1],
          bayes: 3.9,
          updatedAt: FIXED_NOW.toISOString(),
        });
    });
  const deps = depsFor(store);
  // First each point once (its documents and aggregates read and parsed), then again (kept by the process).
  const first: number[] = [];
  for (const q of queries)
    first.push(await time(() => callRaw(deps, 'outlets.nearby', { lng: q.center[0], lat: q.center[1] }, null)));
  const action: number[] = [];
  for (const q of queries)
    action.push(await time(() => callRaw(deps, 'outlets.nearby', { lng: q.center[0], lat: q.center[1] }, null)));
  return [
    n.toLocaleString('en'),
    `${ms(median(indexed))} / ${ms(percentile(indexed, 95))}`,
    `${ms(median(scan))} / ${ms(percentile(scan, 95))}`,
    `${ms(median(kd))} / ${ms(percentile(kd, 95))}`,
    `${ms(median(first))} / ${ms(percentile(first, 95))}`,
    `${ms(median(action))} / ${ms(percentile(action, 95))}`,
    ratio(median(indexed), median(kd)),
    ratio(median(first), median(kd)),
    ratio(median(action), median(kd)),
    ratio(median(scan), median(indexed)),
  ];
}

/** Coverage rows: engine vs brute force vs bare kd-tree pass, and a full refresh in its own process. */
function coverageRow(n: number, outlets: Outlet[], dir: string): string[] {
  const os = outlets
    .filter((o) => o.status === 'approved')
    .map((o) => ({ id: o.id, categories: o.categories, point: o.location.coordinates, hours: o.hours }));
  const runs = n >= 1_000_000 ? 3 : 5;
  const engine: number[] = [];
  const bare: number[] = [];
  let fast = computeCoverage(coverageCommunities, os, BASIC_CATEGORIES);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    fast = computeCoverage(coverageCommunities, os, BASIC_CATEGORIES);
    engine.push(performance.now() - t);
    t = performance.now();
    bareKdPass(coverageCommunities, os, BASIC_CATEGORIES);
    bare.push(performance.now() - t);
  }
  let brute: number | null = null;
  if (n <= 100_000) {
    const t = performance.now();
    const slow = computeCoverageBruteForce(coverageCommunities, os, BASIC_CATEGORIES);
    brute = performance.now() - t;
    const key = (t: typeof fast) =>
      JSON.stringify([...t.entries()].map(([c, per]) => [c, Object.values(per).map((l) => l.map((r) => r.id))]));
    if (key(fast) !== key(slow)) throw new Error('coverage engine and brute force disagree');
  }
  const refresh = refreshInChild(dir);
  return [
    n.toLocaleString('en'),
    ms(median(engine)),
    brute === null ? '—' : ms(brute),
    ms(median(bare)),
    brute === null ? '—' : ratio(brute, median(engine)),
    ratio(median(engine), median(bare)),
    `${(refresh.ms / 1000).toFixed(1)} s`,
    MB(refresh.maxRssKb),
  ];
}

/** The cost of one more join after `n` sign-ups, and the event document's size. */
async function joinRows(): Promise<string[][]> {
  const store = SqliteStore.open(':memory:');
  await ensureSeeded(store, 0, FIXED_NOW);
  const deps = depsFor(store);
  const created = await callRaw(deps, 'events.create', eventInput({ capacity: 5_000 }), {
    account: 'worker-110102001',
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.data as { event: { id: string } }).event.id;
  // Seats for everyone, so that every join measured takes a seat (as the request-count test does).
  await store.update('events', id, { capacity: 20_000 });
  const rows: string[][] = [];
  let joined = 0;
  let first = 0;
  for (const target of [1_000, 10_000]) {
    while (joined < target - 200) {
      const env = await callRaw(deps, 'events.join', { id }, { openid: `bench-${joined++}` });
      if (!env.ok) throw new Error(env.error.message);
    }
    const t = performance.now();
    for (let i = 0; i < 200; i++) await callRaw(deps, 'events.join', { id }, { openid: `bench-${joined++}` });
    const per = (performance.now() - t) / 200;
    if (!first) first = per;
    const doc = await store.get('events', id);
    rows.push([
      target.toLocaleString('en'),
      ms(per),
      ratio(per, first),
      `${(Buffer.byteLength(JSON.stringify(doc)) / 1024).toFixed(1)} KB`,
    ]);
  }
  await store.close();
  return rows;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  latencies: number[];
}

/** `connections` keep-alive clients posting `body` to `url` in a loop for `seconds`. */
async function load(url: string, body: string, connections: number, seconds: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const u = new URL(url);
  const lat: number[] = [];
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const t = performance.now();
      const req = http.request(
        {
          agent,
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            lat.push(performance.now() - t);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  agent.destroy();
  return { rps: lat.length / seconds, p50: percentile(lat, 50), p99: percentile(lat, 99), latencies: lat };
}

/** A bare `node:http` server answering every request with these bytes. */
async function bareServer(bytes: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function fetchBytes(url: string, body: string): Promise<Buffer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return Buffer.from(await res.arrayBuffer());
}

async function httpRows(dir: string): Promise<{ throughput: string[][]; contention: string[][] }> {
  const running = await startLocal({ dataDir: dir, port: 0, devLogin: false, demoOutlets: 0, log: () => undefined });
  const c = communities[0].location!.coordinates;
  const calls: [string, string, string][] = [
    ['geo.streets', 'geo', JSON.stringify({ action: 'streets', data: {} })],
    ['outlets.nearby', 'outlets', JSON.stringify({ action: 'nearby', data: { lng: c[0], lat: c[1] } })],
    ['coverage.report', 'coverage', JSON.stringify({ action: 'report', data: {} })],
  ];
  const SECONDS = 5;
  const CONNECTIONS = 20;
  const throughput: string[][] = [];
  let streets: Load | null = null;
  for (const [name, fn, body] of calls) {
    const url = `${running.url}/api/${fn}`;
    const bytes = await fetchBytes(url, body);
    if (!JSON.parse(bytes.toString('utf8')).ok) throw new Error(`${name} failed`);
    const product = await load(url, body, CONNECTIONS, SECONDS);
    const bare = await bareServer(bytes);
    const reference = await load(bare.url, body, CONNECTIONS, SECONDS);
    await bare.close();
    if (name === 'geo.streets') streets = product;
    throughput.push([
      name,
      `${(bytes.length / 1024).toFixed(1)} KB`,
      product.rps.toFixed(0),
      reference.rps.toFixed(0),
      `${((100 * product.rps) / reference.rps).toFixed(0)} %`,
      `${((100 * product.rps) / streets!.rps).toFixed(0)} %`,
      `${ms(product.p50)} / ${ms(product.p99)}`,
    ]);
  }
  const streetsUrl = `${running.url}/api/geo`;
  const streetsBody = calls[0][2];
  const contention: string[][] = [];
  const alone = await load(streetsUrl, streetsBody, 10, SECONDS);
  contention.push(['alone', alone.rps.toFixed(0), ms(alone.p50), ms(alone.p99)]);
  const [looped] = await Promise.all([
    load(streetsUrl, streetsBody, 10, SECONDS),
    load(`${running.url}/api/coverage`, calls[2][2], 1, SECONDS),
  ]);
  contention.push(['another client loops coverage.report', looped.rps.toFixed(0), ms(looped.p50), ms(looped.p99)]);
  // A full refresh in the background (the worker thread), with streets measured while it runs.
  let refreshing = true;
  const refresh = requestFullRefresh(running.store, new Date()).finally(() => (refreshing = false));
  const during: Load[] = [];
  while (refreshing) during.push(await load(streetsUrl, streetsBody, 10, 1));
  await refresh;
  const pooled = during.flatMap((d) => d.latencies);
  const rps = during.reduce((a, d) => a + d.rps, 0) / during.length;
  contention.push([
    `a full refresh runs (${during.length} s)`,
    rps.toFixed(0),
    ms(percentile(pooled, 50)),
    ms(percentile(pooled, 99)),
  ]);
  await running.close();
  return { throughput, contention };
}

/**
 * Each cloud bundle: its size, and in a fresh process the time to require the SDK (which CloudBase installs beside
 * it) and then the bundle's own code (median of 3 processes).
 */
function bundleRows(): string[][] {
  const probe = (file: string) =>
    `const t0 = performance.now(); require(${JSON.stringify(require.resolve('@cloudbase/node-sdk'))});` +
    `const t1 = performance.now(); require(${JSON.stringify(file)}); const t2 = performance.now();` +
    `console.log(JSON.stringify([t1 - t0, t2 - t1]));`;
  return FUNCTIONS.map((fn) => {
    const file = path.join(FUNCTIONS_DIR, fn, 'index.js');
    const runs = [0, 1, 2].map(() => {
      const out = spawnSync(process.execPath, ['-e', probe(file)], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`${fn}: ${out.stderr}`);
      return JSON.parse(out.stdout.trim()) as [number, number];
    });
    return [
      fn,
      `${(fs.statSync(file).size / 1024).toFixed(0)} KB`,
      ms(median(runs.map((r) => r[1]))),
      ms(median(runs.map((r) => r[0]))),
    ];
  });
}

/** `--http-only`: just the HTTP rows at 100k outlets (to re-check them). */
async function httpOnly(): Promise<void> {
  const { dir, store } = await buildStore(HTTP_AT);
  await store.close();
  refreshInChild(dir);
  const rows = await httpRows(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  table(['call', 'answer', 'req/s', 'bare req/s', 'of bare', 'of geo.streets', 'p50 / p99 (ms)'], rows.throughput);
  table(['meanwhile', 'req/s', 'p50 (ms)', 'p99 (ms)'], rows.contention);
}

async function main(): Promise<void> {
  if (process.argv.includes('--http-only')) return httpOnly();
  const nearbyRows: string[][] = [];
  const coverageRows: string[][] = [];
  let http100k: Awaited<ReturnType<typeof httpRows>> | null = null;
  for (const n of SIZES) {
    const { dir, store, outlets } = await buildStore(n);
    coverageRows.push(coverageRow(n, outlets, dir));
    nearbyRows.push(await nearbyRow(n, dir, store, outlets));
    await store.close();
    if (n === HTTP_AT) http100k = await httpRows(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `nearby search: first page (51 nearest approved outlets) within a 10-minute walk (${Math.round(reachMeters(10))} m); p50 / p95 in ms; the action reads a rating aggregate for every hit`,
  );
  table(
    [
      'outlets',
      'store index (kd mirror)',
      'full scan',
      'bare kdbush',
      'outlets.nearby, first time at a point',
      'outlets.nearby, again',
      'index ÷ kdbush',
      'first ÷ kdbush',
      'again ÷ kdbush',
      'scan ÷ index',
    ],
    nearbyRows,
  );
  console.log(
    `whole-district coverage: ${communities.length} located communities × 8 basic services within 15 minutes (ms); full refresh of the stored read model in its own process`,
  );
  table(
    [
      'outlets',
      'engine',
      'brute force',
      'bare kd-tree pass',
      'brute ÷ engine',
      'engine ÷ bare',
      'full refresh',
      'refresh peak RSS',
    ],
    coverageRows,
  );
  console.log('sign-ups: one more join (ms, mean of 200) after n sign-ups');
  table(['sign-ups', 'per join (ms)', 'vs 1,000', 'event document'], await joinRows());
  if (http100k) {
    console.log(
      `HTTP at ${HTTP_AT.toLocaleString('en')} outlets: 20 keep-alive clients for 5 s each, the local server vs a bare node:http server answering the same bytes`,
    );
    table(
      ['call', 'answer', 'req/s', 'bare req/s', 'of bare', 'of geo.streets', 'p50 / p99 (ms)'],
      http100k.throughput,
    );
    console.log('geo.streets (10 keep-alive clients) while the server does other work');
    table(['meanwhile', 'req/s', 'p50 (ms)', 'p99 (ms)'], http100k.contention);
  }
  await buildFunctions();
  console.log('cloud bundles: size, and require time in a fresh process (ms, median of 3)');
  table(['function', 'bundle', 'own code', 'SDK (apart)'], bundleRows());
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

const child = process.argv.indexOf('--refresh-child');
(child >= 0 ? refreshChild(process.argv[child + 1]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
