/**
 * `npm run sample:census`: writes data/samples/outlet-census-sample.csv, a census file of fictional outlets made by
 * the seeded demo generator (names end in （示例）, every row marked demo), to show the import format.
 */
import fs from 'node:fs';
import path from 'node:path';
import { censusCsv, demoOutlets } from '../cloudfunctions/areas/outlets';
import { readReference } from '../cloudfunctions/local/reference-files';
import { ROOT } from './h5-build';

export function sampleOutlets(count: number, seed: number) {
  return demoOutlets(readReference().communities, count, seed).outlets.map((o, i) => ({
    ...o,
    name: `${o.name}（示例）`,
    censusId: `SAMPLE-${String(i + 1).padStart(4, '0')}`,
  }));
}

if (require.main === module) {
  const file = path.join(ROOT, 'data/samples/outlet-census-sample.csv');
  fs.writeFileSync(file, censusCsv(sampleOutlets(20, 7)));
  console.log(`已写入 ${path.relative(ROOT, file)}`);
}
