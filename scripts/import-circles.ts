/**
 * `npm run import:circles -- FILE.csv [--dry-run]`: the district's own circle plan into the embedded store
 * (`circle_id,name,street_code,minutes,community_codes[,year,status]`, members `|`-separated). All or nothing: with
 * any refused line nothing is written. The plan replaces the circles of the levels it holds (8/10, 15 minutes).
 */
import { importPlan } from '../cloudfunctions/areas/circles';
import { openImport, printLines, runImport } from './import-common';

runImport(async () => {
  const { csv, store, dryRun } = await openImport('import:circles');
  const r = await importPlan(store, csv, { now: new Date(), dryRun });
  await store.close();
  console.log(
    `读取 ${r.read} 行：8 分钟 ${r.circles.eight}，10 分钟 ${r.circles.ten}，15 分钟 ${r.circles.fifteen} 个生活圈；` +
      `成员 ${r.members}（其中位置待补充 ${r.unlocatedMembers}）`,
  );
  printLines('拒绝', r.rejected);
  if (r.written) console.log(`已写入；替换原有生活圈 ${r.replaced} 个`);
  else if (r.rejected.length) {
    console.log('文件有误，未写入任何内容');
    process.exitCode = 1;
  } else console.log(dryRun ? `仅检查，未写入（将替换原有生活圈 ${r.replaced} 个）` : '文件中没有生活圈，未写入');
  if (r.outside.ten !== null) console.log(`不在任何 8/10 分钟生活圈的社区：${r.outside.ten}`);
  if (r.outside.fifteen !== null) console.log(`不在任何 15 分钟生活圈的社区：${r.outside.fifteen}`);
});
