/**
 * `npm run import:population -- FILE.csv [--dry-run]`: households and population per community into the embedded
 * store (`community_code,households,population[,source]`). Refused lines are listed; the coverage report then adds
 * the population-weighted index.
 */
import { importPopulation } from '../cloudfunctions/areas/geo';
import { openImport, printLines, runImport } from './import-common';

runImport(async () => {
  const { csv, store, by, dryRun } = await openImport('import:population');
  const r = await importPopulation(store, csv, { by, now: new Date(), dryRun });
  await store.close();
  console.log(
    `读取 ${r.read} 行：更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected.length}${dryRun ? '（仅检查，未写入）' : ''}`,
  );
  printLines('拒绝', r.rejected);
  printLines('提醒', r.warnings);
  console.log(`有人口数据的社区：${r.withFigure} / ${r.total}`);
});
