import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedReference } from '../api/seed';
import { SqliteStore } from '../store/sqlite/SqliteStore';
import { readReference } from './reference-files';
import { createLocalServer } from './server';
import { SessionSigner } from './session';

export interface LocalOptions {
  dataDir: string;
  port: number;
  host?: string;
  devLogin: boolean;
  staticDir?: string;
  log?: (message: string, err?: unknown) => void;
}

export interface RunningLocal {
  url: string;
  store: SqliteStore;
  server: http.Server;
  seeded: boolean;
  close(): Promise<void>;
}

/** Seeds reference data and demo accounts the first time a data folder is used; later starts leave it alone. */
export async function ensureSeeded(store: SqliteStore, now = new Date()): Promise<boolean> {
  if (await store.get('meta', 'seed')) return false;
  await seedReference(store, readReference(), now);
  return true;
}

/** Opens the embedded store in `dataDir`, seeds it on first use and serves the app and the API. */
export async function startLocal(opts: LocalOptions): Promise<RunningLocal> {
  const store = SqliteStore.open(opts.dataDir);
  const seeded = await ensureSeeded(store);
  const signer = SessionSigner.fromDataDir(opts.dataDir);
  const server = createLocalServer({
    deps: { store, now: () => new Date(), devLogin: opts.devLogin, log: opts.log },
    signer,
    staticDir: opts.staticDir,
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    store,
    server,
    seeded,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
