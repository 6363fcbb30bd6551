import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../src/constants/routes';

const ROOT = path.resolve(__dirname, '../..');

function buildWeapp(env: Record<string, string> = {}): string {
  const r = spawnSync('npm', ['run', 'build:weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  expect(r.status).toBe(0);
  return fs.readFileSync(path.join(ROOT, 'dist/common.js'), 'utf8');
}

describe('the WeChat build', () => {
  it('bakes a configured CloudBase environment into the app, which then calls the cloud functions', () => {
    const code = buildWeapp({ TARO_APP_CLOUD_ENV: 'xicheng-test-env' });
    expect(code).toContain('"xicheng-test-env"');
    expect(code).toContain('callFunction');
  }, 120000);

  it('writes dist/app.json listing every page, declares the location API, and leaves no process.env behind', () => {
    const code = buildWeapp();
    // A mini-program has no `process`: every environment value must be replaced at build time.
    expect(code).not.toContain('process.env');
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: { root: string; pages: string[] }[];
      tabBar: { list: { pagePath: string; iconPath: string }[] };
      requiredPrivateInfos: string[];
      permission: Record<string, { desc: string }>;
    };
    const built = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(built.sort()).toEqual(Object.values(ROUTES).sort());
    for (const page of built) expect(fs.existsSync(path.join(ROOT, 'dist', `${page}.wxml`))).toBe(true);
    // Tab pages must live in the main package, and their icons must be in the build.
    for (const tab of app.tabBar.list) {
      expect(app.pages).toContain(tab.pagePath);
      expect(fs.existsSync(path.join(ROOT, 'dist', tab.iconPath))).toBe(true);
    }
    expect(app.requiredPrivateInfos).toContain('getLocation');
    // WeChat refuses a main package or a subpackage over 2 MB.
    const size = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
        const p = path.join(dir, e.name);
        return n + (e.isDirectory() ? size(p) : fs.statSync(p).size);
      }, 0);
    const subs = (app.subPackages ?? []).map((p) => size(path.join(ROOT, 'dist', p.root)));
    const main = size(path.join(ROOT, 'dist')) - subs.reduce((a, b) => a + b, 0);
    expect(main).toBeLessThan(2 * 1024 * 1024);
    for (const sub of subs) expect(sub).toBeLessThan(2 * 1024 * 1024);
    expect(app.permission['scope.userLocation'].desc).toBeTruthy();
  }, 120000);

  it('makes every shareable page share itself with its id: share enabled in its config, the share hook given its route and id', () => {
    buildWeapp();
    const built = (name: string) =>
      fs.readFileSync(path.join(ROOT, 'dist', `${ROUTES[name as keyof typeof ROUTES]}.js`), 'utf8');
    // Taro's page wrapper registers onShareAppMessage / onShareTimeline only for pages whose config enables them.
    expect(fs.readFileSync(path.join(ROOT, 'dist/taro.js'), 'utf8')).toContain('onShareAppMessage');
    for (const name of ['event', 'outlet', 'survey', 'circle']) {
      const code = built(name);
      expect({ name, chat: code.includes('enableShareAppMessage:!0') }).toEqual({ name, chat: true });
      expect({ name, timeline: code.includes('enableShareTimeline:!0') }).toEqual({ name, timeline: true });
      // useShare(title, '<route>', { id }): the card's path is that page with the id the page was opened with.
      expect({ name, path: new RegExp(`,"${name}",\\{id:[\\w$]+\\}\\)`).test(code) }).toEqual({ name, path: true });
    }
    // A page that is not shareable keeps WeChat's default (no share menu of its own).
    expect(built('messages')).not.toContain('enableShareAppMessage');
  }, 120000);
});
