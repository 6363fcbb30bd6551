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

/** Debian's Chromium with the flags this machine needs; `executablePath` only for the test of a failed start. */
export function launchBrowser(executablePath = EXECUTABLE): Promise<Browser> {
  return chromium.launch({
    executablePath,
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
}

/** A fresh data folder, the local server on a free port serving the H5 build, and a phone-sized browser page. */
export async function openApp(
  clock?: () => Date,
  launch: (server: RunningLocal) => Promise<Browser> = () => launchBrowser(),
): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'));
  const server = await startLocal({ dataDir, port: 0, devLogin: true, staticDir: H5_DIR, clock });
  let browser: Browser;
  try {
    browser = await launch(server);
  } catch (e) {
    // No browser, no test: but the server must not be left running (it would keep jest from exiting).
    await server.close();
    throw e;
  }
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
