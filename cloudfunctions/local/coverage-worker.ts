import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FullRefreshRunner } from '../areas/coverage';

/**
 * Full coverage recomputes off the request path: each runs in a worker thread with its own connection to the same
 * SQLite file, which writes the new read model and its summary and then bumps the version — the server's requests
 * keep answering from the previous version until then, and switch to the new one at their next version check.
 * Requests that arrive while one runs are folded into one more run after it.
 */
export interface CoverageRefresher {
  run: FullRefreshRunner;
  /** Settles when no recompute is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const JOB = path.join(__dirname, 'coverage-worker-job.ts');

function runWorker(dataDir: string): Promise<void> {
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(JOB)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { dataDir } });
    let failure: unknown = null;
    worker.on('message', (m: { error?: string }) => {
      if (m.error) failure = new Error(m.error);
    });
    worker.on('error', (err) => (failure = err));
    worker.on('exit', (code) =>
      failure || code !== 0 ? reject(failure ?? new Error(`coverage worker exited ${code}`)) : resolve(),
    );
  });
}

export function coverageRefresher(dataDir: string, log: (message: string, err?: unknown) => void): CoverageRefresher {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await runWorker(dataDir);
      } catch (err) {
        log('local server: coverage refresh failed', err);
      }
    } while (again && !closed);
  };
  return {
    run() {
      if (closed) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => (running = null));
      return running;
    },
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      while (running) await running;
    },
  };
}
