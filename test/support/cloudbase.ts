import path from 'node:path';
import { MemoryCloudbase } from './cloudbase-memory';

/** The `@cloudbase/database` instance that `@cloudbase/node-sdk` itself loads. */
function sdkDatabaseModule(): { Db: object } {
  const sdkDir = path.dirname(require.resolve('@cloudbase/node-sdk'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('@cloudbase/database', { paths: [sdkDir] })) as { Db: object };
}

/**
 * Replaces only the SDK's network layer (`Db.reqClass`, which the SDK re-assigns on every `database()` call,
 * hence a property whose setter is ignored) with a fresh in-memory CloudBase. Everything above it — query
 * building, EJSON serialisation, transactions and their retries — is the SDK's own code.
 */
export function installMemoryCloudbase(): MemoryCloudbase {
  // Tells the SDK it runs on Tencent Cloud, so it does not probe the metadata service.
  process.env.TENCENTCLOUD = 'true';
  const memory = new MemoryCloudbase();
  const requester = memory.requester();
  Object.defineProperty(sdkDatabaseModule().Db, 'reqClass', {
    configurable: true,
    get: () => requester,
    set: () => undefined,
  });
  return memory;
}
