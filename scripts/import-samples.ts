/**
 * `npm run sample:imports`: writes the format samples of the three reference imports to data/samples/. They hold
 * only the format: three rows each, every one marked `sample=是`, with community codes that do not exist
 * (street 999) and round, made-up numbers, so nothing in them can pass for a real location, plan or population.
 * An import refuses rows marked as samples.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './h5-build';

const NOTE =
  '# 示例文件（sample）：仅演示格式。社区代码 110102999xxx 并不存在，数值为虚构；sample 列为“是”的行导入时一律拒绝。';
const CODES = ['110102999001', '110102999002', '110102999003'];

export const SAMPLE_FILES: Record<string, string> = {
  'community-locations-sample.csv': [
    NOTE,
    '# 坐标系：GCJ-02（微信、高德、腾讯地图使用的坐标）。',
    'community_code,lng,lat,source,note,sample',
    `${CODES[0]},116.360000,39.910000,示例来源,示例：虚构坐标,是`,
    `${CODES[1]},116.370000,39.920000,示例来源,示例：虚构坐标,是`,
    `${CODES[2]},116.380000,39.930000,示例来源,示例：虚构坐标,是`,
  ].join('\n'),
  'circle-plan-sample.csv': [
    NOTE,
    '# minutes 为 8、10 或 15；community_codes 以 | 分隔；year 与 status 可留空。',
    'circle_id,name,street_code,minutes,community_codes,year,status,sample',
    `SAMPLE-15-01,示例一刻钟生活圈,110102999,15,${CODES.join('|')},,,是`,
    `SAMPLE-10-01,示例十分钟生活圈甲,110102999,10,${CODES[0]}|${CODES[1]},2024,规划中,是`,
    `SAMPLE-10-02,示例十分钟生活圈乙,110102999,10,${CODES[2]},2025,planned,是`,
  ].join('\n'),
  'community-population-sample.csv': [
    NOTE,
    '# households 为户数（可留空），population 为居住人口。',
    'community_code,households,population,source,sample',
    `${CODES[0]},1000,2500,示例来源,是`,
    `${CODES[1]},,3000,示例来源,是`,
    `${CODES[2]},2000,5000,示例来源,是`,
  ].join('\n'),
};

if (require.main === module) {
  for (const [name, text] of Object.entries(SAMPLE_FILES)) {
    const file = path.join(ROOT, 'data/samples', name);
    fs.writeFileSync(file, `${text}\n`);
    console.log(`已写入 ${path.relative(ROOT, file)}`);
  }
}
