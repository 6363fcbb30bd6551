import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const H5_DIR = path.join(ROOT, 'dist-h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The H5 build is stale when it is missing or older than anything in src/, types/ or config/. */
export function h5IsStale(): boolean {
  const built = path.join(H5_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(...['src', 'types', 'config'].map((d) => newestMtime(path.join(ROOT, d))));
  return sources > fs.statSync(built).mtimeMs;
}

/** Builds the H5 app into dist-h5/ when it is stale; throws when the build fails. */
export function ensureH5Build(log: (line: string) => void = console.log): void {
  if (!h5IsStale()) return;
  log('正在构建 H5 应用（约需半分钟）…');
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`H5 build failed (exit ${r.status})`);
}
