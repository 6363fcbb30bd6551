import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemoAccounts } from '../areas/auth';
import { acceptProposal } from '../areas/circles';
import { coverageIsCurrent, markOutletsChanging, refreshCoverage, setFullRefreshRunner } from '../areas/coverage';
import { seedDemoEvents } from '../areas/events';
import { seedReference } from '../areas/geo';
import { seedDemoSurvey } from '../areas/surveys';
import { demoOutlets, writeDemoOutlets } from '../areas/outlets';
import { coverageRefresher } from './coverage-worker';
import { startMessageJobs } from './message-jobs';
import { startSnapshotJobs } from './snapshot-jobs';
import { startSupervisionJobs } from './supervision-jobs';
import { LOCAL_SUBSCRIPTIONS } from './routers';
import { SqliteStore } from '../store/sqlite/SqliteStore';
import { readReference } from './reference-files';
import { createLocalServer, LOOPBACK_HOSTS, type LocalServerOptions } from './server';
import { pruneRateLimits } from '../router/limits';
import { pruneExpiredSessions, SessionSigner } from './session';
import { cleanupUploads } from './uploads';

export interface LocalOptions {
  dataDir: string;
  port: number;
  host?: string;
  devLogin: boolean;
  staticDir?: string;
  /** Demo outlets for a new data folder (default 2000). */
  demoOutlets?: number;
  /** The server's clock; tests pin it to a known Beijing time. */
  clock?: () => Date;
  log?: (message: string, err?: unknown) => void;
  /** Sign-in attempts per client address (default 30 a minute). */
  signInLimit?: LocalServerOptions['signInLimit'];
  /** Uploads per person per Beijing day (default 20 files, 40 MB). */
  uploadQuota?: LocalServerOptions['uploadQuota'];
}

export interface RunningLocal {
  url: string;
  store: SqliteStore;
  server: http.Server;
  seeded: boolean;
  /** Settles when no full coverage recompute is running in the background (one starts when a start finds it behind). */
  coverageIdle(): Promise<void>;
  /** Removes unreferenced uploads older than a day (also run on start and then daily, with expired sessions). */
  cleanupUploads(): Promise<{ removed: number; bytes: number; strays: number }>;
  close(): Promise<void>;
}

/** How often the upload cleanup runs after the one on start. */
export const CLEANUP_EVERY_MS = 24 * 3600 * 1000;

/** How many demo outlets a new data folder gets (DEMO_OUTLETS overrides; 0 for none). */
export const DEFAULT_DEMO_OUTLETS = 2000;

/**
 * Seeds reference data, demo accounts and demo outlets the first time a data folder is used; later starts leave
 * it alone (so what people changed stays).
 */
export async function ensureSeeded(
  store: SqliteStore,
  demoOutletCount = DEFAULT_DEMO_OUTLETS,
  now = new Date(),
): Promise<boolean> {
  if (await store.get('meta', 'seed')) return false;
  const ref = readReference();
  await seedReference(store, ref, now);
  await seedDemoAccounts(store, ref.streets, ref.communities[0], now);
  if (demoOutletCount > 0) {
    const plan = demoOutlets(ref.communities, demoOutletCount);
    await markOutletsChanging(store, now);
    await writeDemoOutlets(store, plan.outlets);
    await store.set('meta', 'demoOutlets', {
      key: 'demoOutlets',
      value: String(plan.outlets.length),
      updatedAt: now.toISOString(),
    });
  }
  await refreshCoverage(store, now);
  // Proposed ten-minute circles from the real community points, for admins to adjust.
  await acceptProposal(store, 10, now);
  await seedDemoEvents(store, now);
  await seedDemoSurvey(store, now);
  return true;
}

/** Opens the embedded store in `dataDir`, seeds it on first use and serves the app and the API. */
export async function startLocal(opts: LocalOptions): Promise<RunningLocal> {
  const store = SqliteStore.open(opts.dataDir);
  const seeded = await ensureSeeded(store, opts.demoOutlets ?? DEFAULT_DEMO_OUTLETS);
  const signer = SessionSigner.fromDataDir(opts.dataDir);
  const now = opts.clock ?? (() => new Date());
  const log = opts.log ?? ((message: string, err?: unknown) => console.error(message, err));
  // Full recomputes run in a worker thread; requests answer from the previous version meanwhile.
  const refresher = coverageRefresher(opts.dataDir, log);
  setFullRefreshRunner(store, refresher.run);
  // A bulk write of outlets that was cut short (a crashed import) leaves coverage behind: recompute it.
  if (!seeded && !(await coverageIsCurrent(store))) void refresher.run(store, new Date());
  const info = opts.log ?? ((message: string) => console.log(message));
  const host = opts.host ?? '127.0.0.1';
  const stopJobs = startMessageJobs(store, now, log);
  const stopSupervision = startSupervisionJobs(store, now, LOCAL_SUBSCRIPTIONS, log);
  const stopSnapshots = startSnapshotJobs(store, now, log);
  const server = createLocalServer({
    deps: { store, now, devLogin: opts.devLogin, log: opts.log, subscriptions: LOCAL_SUBSCRIPTIONS },
    // A server bound to another address also answers to that address.
    allowedHosts: [...LOOPBACK_HOSTS, host],
    signer,
    dataDir: opts.dataDir,
    staticDir: opts.staticDir,
    signInLimit: opts.signInLimit,
    uploadQuota: opts.uploadQuota,
  });
  const cleanup = () => cleanupUploads(store, opts.dataDir, now());
  const cleanupQuietly = () =>
    Promise.all([
      cleanup().then(
        (r) => r.removed + r.strays > 0 && info(`已清理 ${r.removed + r.strays} 个无人引用的上传文件`),
        (err: unknown) => log('local server: upload cleanup failed', err),
      ),
      pruneExpiredSessions(store, now(), signer.ttlMs).catch((err: unknown) =>
        log('local server: session cleanup failed', err),
      ),
      pruneRateLimits(store, now()).catch((err: unknown) => log('local server: limit counter cleanup failed', err)),
    ]);
  await cleanupQuietly();
  // Daily; unref'd so that the timer alone never keeps the process alive.
  const timer = setInterval(() => void cleanupQuietly(), CLEANUP_EVERY_MS);
  timer.unref();
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
    coverageIdle: () => refresher.idle(),
    cleanupUploads: cleanup,
    async close() {
      stopJobs();
      await stopSupervision();
      stopSnapshots();
      await refresher.close();
      setFullRefreshRunner(store, null);
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
