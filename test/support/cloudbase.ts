import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_SPEC_FILE, type DatabaseSpec } from '../../cloudfunctions/store/cloudbase/schema';
import { MemoryCloudbase, type MemoryCloudbaseOptions } from './cloudbase-memory';

/** The `@cloudbase/database` instance that `@cloudbase/node-sdk` itself loads. */
function sdkDatabaseModule(): { Db: object } {
  const sdkDir = path.dirname(require.resolve('@cloudbase/node-sdk'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('@cloudbase/database', { paths: [sdkDir] })) as { Db: object };
}

/** `cloudbase/database.json` as it is in the repository (a fresh copy each call, free to edit). */
export function databaseSpec(): DatabaseSpec {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', DATABASE_SPEC_FILE), 'utf8')) as DatabaseSpec;
}

export interface InstallOptions extends MemoryCloudbaseOptions {
  /** The declaration to provision from; `cloudbase/database.json` by default, `null` for an empty database. */
  spec?: DatabaseSpec | null;
}

/**
 * Replaces only the SDK's network layer (`Db.reqClass`, which the SDK re-assigns on every `database()` call,
 * hence a property whose setter is ignored) with a fresh in-memory CloudBase, provisioned from the repository's
 * declaration as `npm run deploy:db` provisions the real one. Everything above it — query building, EJSON
 * serialisation, transactions — is the SDK's own code.
 */
export function installMemoryCloudbase(options: InstallOptions = {}): MemoryCloudbase {
  // Tells the SDK it runs on Tencent Cloud, so it does not probe the metadata service.
  process.env.TENCENTCLOUD = 'true';
  const memory = new MemoryCloudbase(options);
  const spec = options.spec === undefined ? databaseSpec() : options.spec;
  if (spec) memory.provision(spec);
  const requester = memory.requester();
  Object.defineProperty(sdkDatabaseModule().Db, 'reqClass', {
    configurable: true,
    get: () => requester,
    set: () => undefined,
  });
  return memory;
}
