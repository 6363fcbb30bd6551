/**
 * `npm run seed:cloud`: writes the reference streets and communities (and the demo accounts, which only dev
 * sign-in can use and production never enables) into a CloudBase environment, through the same store adapter
 * the functions use. Idempotent. Needs CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY.
 */
import { seedReference } from '../cloudfunctions/areas/geo';
import { readReference } from '../cloudfunctions/local/reference-files';
import { CloudbaseStore } from '../cloudfunctions/store/cloudbase/CloudbaseStore';

async function main(): Promise<void> {
  for (const name of ['CLOUDBASE_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'])
    if (!process.env[name]) throw new Error(`缺少环境变量 ${name}`);
  const result = await seedReference(new CloudbaseStore(), readReference(), new Date());
  console.log(`已写入：街道 ${result.streets}，社区 ${result.communities}，新建文档 ${result.created}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
