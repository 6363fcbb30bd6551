/**
 * `npm run import:communities -- FILE.csv [--dry-run]`: community locations in bulk into the embedded store
 * (`community_code,lng,lat[,source,note]`, GCJ-02). Refused lines are listed with their reasons; accepted ones are
 * written with who and when; the streets' counts and the coverage read model follow. `--dry-run` only checks.
 */
import { importLocations } from '../cloudfunctions/areas/geo';
import { openImport, printLines, runImport } from './import-common';

runImport(async () => {
  const { csv, store, by, dryRun } = await openImport('import:communities');
  const r = await importLocations(store, csv, { by, now: new Date(), dryRun });
  await store.close();
  console.log(
    `读取 ${r.read} 行：新定位 ${r.located}，更正 ${r.moved}，未变 ${r.unchanged}，拒绝 ${r.rejected.length}${dryRun ? '（仅检查，未写入）' : ''}`,
  );
  printLines('拒绝', r.rejected);
  printLines('提醒', r.warnings);
  const left = r.streets.filter((s) => s.remaining > 0);
  console.log(
    left.length
      ? `仍待补充位置：${left.map((s) => `${s.name} ${s.remaining}`).join('，')}`
      : `全部 ${r.streets.reduce((n, s) => n + s.communityCount, 0)} 个社区均已有位置`,
  );
  if (r.coverageRefreshed) console.log('覆盖情况已重新计算');
});
