/**
 * `npm run seed:demo -- --outlets N [--seed S]`: replaces the demo outlets of the embedded store in DATA_DIR with
 * N generated ones (deterministic for a seed; every one marked demo). Real outlets are not touched. The outlets are
 * written as they are generated and coverage is recomputed page by page, so a million of them stay within about
 * 1 GB of memory; the time and peak memory are printed at the end.
 */
import path from 'node:path';
import { markOutletsChanging, refreshCoverage } from '../cloudfunctions/areas/coverage';
import { demoOutletStream, writeDemoOutlets } from '../cloudfunctions/areas/outlets';
import { ensureSeeded } from '../cloudfunctions/local/main';
import { readReference } from '../cloudfunctions/local/reference-files';
import { SqliteStore } from '../cloudfunctions/store/sqlite/SqliteStore';
import { ROOT } from './h5-build';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} 应为非负整数`);
  return v;
}

async function main(): Promise<void> {
  const count = arg('outlets', 2000);
  const seed = arg('seed', 20231);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  const store = SqliteStore.open(dataDir);
  await ensureSeeded(store, 0);
  const communities = readReference().communities;
  // Worker-set locations count too: use the store's communities where they have a point.
  const located = await Promise.all(communities.map(async (c) => (await store.get('communities', c.code)) ?? c));
  const started = Date.now();
  const plan = demoOutletStream(located, count, seed);
  await markOutletsChanging(store, new Date());
  const result = await writeDemoOutlets(
    store,
    plan.outlets,
    (done, total) => {
      if (process.stderr.isTTY && done % 10_000 < 1000) process.stderr.write(`\r写入演示网点 ${done}/${total}`);
    },
    1000,
    count,
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  await refreshCoverage(store, new Date());
  await store.close();
  console.log(
    `演示网点：删除旧的 ${result.removed} 个，写入 ${result.written} 个（种子 ${seed}）；${plan.gaps.size} 个社区刻意缺少部分基本业态。`,
  );
  console.log(
    `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒，内存峰值 ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
