/**
 * `npm start`: builds the H5 app if it is missing or older than its sources, seeds the embedded store on
 * first run and serves the app and the API on 127.0.0.1:PORT (default 8080) with dev sign-in enabled.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLocal } from '../cloudfunctions/local/main';

const ROOT = path.resolve(__dirname, '..');
const H5_DIR = path.join(ROOT, 'dist-h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function h5IsStale(): boolean {
  const built = path.join(H5_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'types')), newestMtime(path.join(ROOT, 'config')));
  return sources > fs.statSync(built).mtimeMs;
}

async function main(): Promise<void> {
  if (process.env.SKIP_H5_BUILD !== '1' && h5IsStale()) {
    console.log('正在构建 H5 应用（首次约需半分钟）…');
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) {
      console.error('H5 构建失败');
      process.exit(r.status ?? 1);
    }
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  const port = Number(process.env.PORT ?? 8080);
  const running = await startLocal({ dataDir, port, devLogin: process.env.DEV_LOGIN !== '0', staticDir: H5_DIR });
  console.log(`${running.seeded ? '已初始化数据（街道、社区、演示账号）。' : ''}数据目录：${dataDir}`);
  console.log(`西城区十分钟便民生活圈已启动：${running.url}`);
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
