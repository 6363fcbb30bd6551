/**
 * `npm run seed:cloud [-- --demo-outlets N] [-- --replace-circles]`: writes the reference data of production into a
 * CloudBase environment through the same store adapter the functions use — the 15 streets and 263 communities, and
 * the proposed circles when there are none yet — then computes the coverage read model. No accounts are written
 * (the first admin is set by hand, see the README), and demo outlets only when asked with `--demo-outlets N`.
 * Idempotent: existing streets and communities are left as they are (a worker's location survives), circles are
 * replaced only with `--replace-circles`. Run `npm run deploy:db` first. Needs CLOUDBASE_ENV,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY.
 */
import { acceptProposal } from '../cloudfunctions/areas/circles';
import { refreshCoverage } from '../cloudfunctions/areas/coverage';
import type { Reference } from '../cloudfunctions/areas/geo';
import { demoOutlets, writeDemoOutlets } from '../cloudfunctions/areas/outlets';
import { readReference } from '../cloudfunctions/local/reference-files';
import { CloudbaseStore } from '../cloudfunctions/store/cloudbase/CloudbaseStore';
import type { CollectionName, Collections, Store } from '../cloudfunctions/store/port';

export interface SeedCloudOptions {
  /** Demo outlets to generate (all marked demo); 0, the default, writes none. */
  demoOutlets?: number;
  /** Replace existing circles with a fresh proposal (by default circles are proposed only when there are none). */
  replaceCircles?: boolean;
  /** Walking minutes of the proposed circles. */
  minutes?: 8 | 10;
  log?: (line: string) => void;
}

export interface SeedCloudResult {
  streets: number;
  communities: number;
  created: number;
  circles: number | null;
  demoOutlets: number;
}

/** Writes production's reference data; see the file's comment. */
export async function seedCloud(
  store: Store,
  ref: Reference,
  now: Date,
  options: SeedCloudOptions = {},
): Promise<SeedCloudResult> {
  const log = options.log ?? (() => undefined);
  let created = 0;
  const createIfMissing = async <C extends CollectionName>(collection: C, id: string, doc: Collections[C]) => {
    if (await store.get(collection, id)) return;
    await store.transaction(async (tx) => {
      if (await tx.get(collection, id)) return;
      await tx.set(collection, id, doc);
      created++;
    });
  };
  for (const c of ref.communities) await createIfMissing('communities', c.code, c);
  for (const s of ref.streets) await createIfMissing('streets', s.code, s);
  log(`街道 ${ref.streets.length}，社区 ${ref.communities.length}，新建 ${created}`);

  let circles: number | null = null;
  const hasCircles = (await store.query('circles', { limit: 1 })).items.length > 0;
  if (!hasCircles || options.replaceCircles) {
    circles = (await acceptProposal(store, options.minutes ?? 10, now)).length;
    log(`生活圈：按步行 ${options.minutes ?? 10} 分钟提议 ${circles} 个`);
  } else log('生活圈：已存在，保留（替换请加 --replace-circles）');

  let written = 0;
  if (options.demoOutlets) {
    const located = await store.getMany(
      'communities',
      ref.communities.map((c) => c.code),
    );
    const plan = demoOutlets(
      located.map((c, i) => c ?? ref.communities[i]),
      options.demoOutlets,
      20231,
    );
    written = (await writeDemoOutlets(store, plan.outlets)).written;
    log(`演示网点：写入 ${written} 个（均标记为演示）`);
  }
  const coverage = await refreshCoverage(store, now);
  log(`覆盖：${coverage.communities} 个社区，${coverage.outlets} 个网点`);
  return { streets: ref.streets.length, communities: ref.communities.length, created, circles, demoOutlets: written };
}

function numberArg(name: string): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return 0;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} 应为非负整数`);
  return v;
}

async function main(): Promise<void> {
  for (const name of ['CLOUDBASE_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'])
    if (!process.env[name]) throw new Error(`缺少环境变量 ${name}`);
  await seedCloud(new CloudbaseStore(), readReference(), new Date(), {
    demoOutlets: numberArg('demo-outlets'),
    replaceCircles: process.argv.includes('--replace-circles'),
    log: (line) => console.log(line),
  });
}

if (require.main === module)
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
