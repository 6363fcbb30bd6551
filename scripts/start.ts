/**
 * `npm start`: builds the H5 app if it is missing or older than its sources, seeds the embedded store on
 * first run and serves the app and the API on 127.0.0.1:PORT (default 8080) with dev sign-in enabled
 * (DEV_LOGIN=0 turns it off). Data lives in DATA_DIR (default ./.data); a new data folder gets DEMO_OUTLETS
 * (default 2000) demo outlets.
 */
import path from 'node:path';
import { startLocal } from '../cloudfunctions/local/main';
import { ensureH5Build, H5_DIR, ROOT } from './h5-build';

/**
 * The last line of defence: the server answers every request's failure itself, so anything reaching here escaped
 * a request (a timer, a stream, a library's callback). It is logged and the server keeps serving: one bad request
 * must not take the app down for everyone, and nothing restarts this process.
 */
function keepServing(): void {
  process.on('uncaughtException', (err, origin) => {
    console.error(`[${new Date().toISOString()}] 未捕获的异常（${origin}），服务继续运行：`, err);
  });
  process.on('unhandledRejection', (reason) => {
    console.error(`[${new Date().toISOString()}] 未处理的 Promise 拒绝，服务继续运行：`, reason);
  });
}

async function main(): Promise<void> {
  if (process.env.SKIP_H5_BUILD !== '1') ensureH5Build();
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  const port = Number(process.env.PORT ?? 8080);
  const demoOutlets = process.env.DEMO_OUTLETS === undefined ? undefined : Number(process.env.DEMO_OUTLETS);
  const running = await startLocal({
    dataDir,
    port,
    devLogin: process.env.DEV_LOGIN !== '0',
    staticDir: H5_DIR,
    demoOutlets,
  });
  if (running.seeded) console.log('首次启动：已写入 15 个街道、263 个社区、演示账号和演示网点。');
  console.log(`数据目录：${dataDir}`);
  console.log(`西城区十分钟便民生活圈已启动：${running.url}`);
  keepServing();
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
