import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';
import { H5_DIR } from '../../scripts/h5-build';

/** Debian's Chromium; never a downloaded browser. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  server: RunningLocal;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Another person: a fresh context, with its own storage and so its own sign-in. */
  newPerson(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh data folder, the local server on a free port serving the H5 build, and a phone-sized browser page. */
export async function openApp(clock?: () => Date): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'));
  const server = await startLocal({ dataDir, port: 0, devLogin: true, staticDir: H5_DIR, clock });
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const phone = () =>
    browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  const context = await phone();
  const page = await context.newPage();
  return {
    server,
    browser,
    context,
    page,
    newPerson: async () => (await phone()).newPage(),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
