/**
 * `npm run import:outlets -- FILE.csv`: imports an outlet census into the embedded store in DATA_DIR (default
 * ./.data). Every row is validated; valid rows are written in transactions, keyed by census_id so that a second
 * import updates instead of duplicating; rejected rows are listed with their line numbers and reasons.
 */
import path from 'node:path';
import { importCensus, type ImportReport } from '../cloudfunctions/areas/outlets';
import { markOutletsChanging, refreshCoverage } from '../cloudfunctions/areas/coverage';
import { readCensusFile } from '../cloudfunctions/local/census-file';
import { ensureSeeded } from '../cloudfunctions/local/main';
import { SqliteStore } from '../cloudfunctions/store/sqlite/SqliteStore';
import { ROOT } from './h5-build';

/** Files at least this large show a progress bar. */
const PROGRESS_FROM_BYTES = 256 * 1024;

function bar(fraction: number, report: ImportReport): string {
  const width = 30;
  const full = Math.round(fraction * width);
  return `导入中 [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(fraction * 100)}%  已读 ${report.read} 行`;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('用法：npm run import:outlets -- 文件.csv');
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  const store = SqliteStore.open(dataDir);
  // Streets and communities are needed to check rows; no demo outlets are added to a store that gets real ones.
  await ensureSeeded(store, 0);
  const csv = readCensusFile(path.resolve(file));
  // Coverage computed before this point stops being current until the refresh below: if the import is cut short,
  // the next start or import sees it and recomputes.
  await markOutletsChanging(store, new Date());
  const showProgress = csv.size >= PROGRESS_FROM_BYTES;
  let lastTenth = -1;
  const report = await importCensus(store, csv.rows, new Date(), (r) => {
    if (!showProgress) return;
    const fraction = Math.min(1, csv.bytesRead() / csv.size);
    if (process.stderr.isTTY) process.stderr.write(`\r${bar(fraction, r)}`);
    else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      process.stderr.write(`${bar(fraction, r)}\n`);
    }
  });
  if (showProgress && process.stderr.isTTY) process.stderr.write('\n');
  await refreshCoverage(store, new Date());
  await store.close();

  console.log(`读取 ${report.read} 行：新增 ${report.created}，更新 ${report.updated}，拒绝 ${report.rejected.length}`);
  for (const r of report.rejected) console.log(`  第 ${r.line} 行：${r.reasons.join('；')}`);
}

main().catch((err) => {
  console.error(`导入失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
