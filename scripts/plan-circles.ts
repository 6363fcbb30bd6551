/**
 * `npm run plan:circles [-- --minutes 8]`: proposes how to split each street's located communities into as few
 * circles as it can with every member within reach of its centre, and prints the count per street.
 */
import { planCircles } from '../cloudfunctions/core/circles';
import { metersBetween } from '../cloudfunctions/core/reach';
import { readReference } from '../cloudfunctions/local/reference-files';

const i = process.argv.indexOf('--minutes');
const minutes = i >= 0 ? Number(process.argv[i + 1]) : 10;
if (minutes !== 8 && minutes !== 10) {
  console.error('--minutes 应为 8 或 10');
  process.exit(1);
}
const ref = readReference();
let total = 0;
let farthest = 0;
console.log(`按步行 ${minutes} 分钟划分生活圈（只计有位置的社区）`);
for (const s of ref.streets) {
  const located = ref.communities.filter((c) => c.streetCode === s.code && c.location);
  const circles = planCircles(
    located.map((c) => ({ code: c.code, point: c.location!.coordinates })),
    minutes,
  );
  for (const circle of circles)
    for (const code of circle.members)
      farthest = Math.max(
        farthest,
        metersBetween(circle.centre, located.find((c) => c.code === code)!.location!.coordinates),
      );
  total += circles.length;
  console.log(`  ${s.name}：${located.length}/${s.communityCount} 个社区有位置 → ${circles.length} 个生活圈`);
}
const unlocated = ref.communities.filter((c) => !c.location).length;
console.log(
  `合计 ${total} 个生活圈；成员距圈中心最远 ${Math.round(farthest)} 米；${unlocated} 个社区位置待补充，未分配。`,
);
