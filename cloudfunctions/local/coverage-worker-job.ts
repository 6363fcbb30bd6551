import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { refreshCoverage } from '../areas/coverage';
import { SqliteStore } from '../store/sqlite/SqliteStore';

/** The worker thread's job (see coverage-worker.ts): one full recompute against the data folder, then exit. */
async function job(): Promise<void> {
  // The lowest CPU priority for this thread only (on Linux a thread's nice value is its own): the server's requests
  // come first on a busy machine.
  try {
    os.setPriority(19);
  } catch {
    /* not allowed here: run at the normal priority */
  }
  const store = SqliteStore.open((workerData as { dataDir: string }).dataDir);
  try {
    await refreshCoverage(store, new Date());
  } finally {
    await store.close();
  }
}

job().catch((err: unknown) => {
  parentPort?.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
