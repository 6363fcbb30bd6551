import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../src/constants/routes';

const ROOT = path.resolve(__dirname, '../..');

describe('the WeChat build', () => {
  it('writes dist/app.json listing every page and declaring the location API it uses', () => {
    const r = spawnSync('npm', ['run', 'build:weapp'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(r.status).toBe(0);
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/app.json'), 'utf8')) as {
      pages: string[];
      requiredPrivateInfos: string[];
      permission: Record<string, { desc: string }>;
    };
    expect(app.pages).toEqual(Object.values(ROUTES));
    for (const page of app.pages) expect(fs.existsSync(path.join(ROOT, 'dist', `${page}.wxml`))).toBe(true);
    expect(app.requiredPrivateInfos).toContain('getLocation');
    expect(app.permission['scope.userLocation'].desc).toBeTruthy();
  }, 120000);
});
