import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS, type Envelope, type Street, type User } from '../../types';
import { seedWithDemoAccounts } from '../support/seed';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import {
  buildFunctions,
  EXTRA_RUNTIME_DEPENDENCIES,
  FUNCTIONS_DIR,
  installedVersion,
  OPENAPI_PERMISSIONS,
} from '../../scripts/build-functions';
import { installMemoryCloudbase } from '../support/cloudbase';
import { outlet } from '../support/outlets';
import type { MemoryCloudbase } from '../support/cloudbase-memory';

type Main = (event: unknown, context: unknown) => Promise<Envelope<unknown>>;

/** What CloudBase's runtime gives a function: the caller's identity in the environment. */
function asCaller(openid: string | null): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_APPID = 'wx-test-app';
  if (openid) process.env.WX_OPENID = openid;
  else delete process.env.WX_OPENID;
}

const context = { request_id: 'req-1', function_name: 'geo', memory_limit_in_mb: 256, time_limit_in_ms: 10000 };

function load(fn: string): Main {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(FUNCTIONS_DIR, fn, 'index.js')) as { main: Main }).main;
}

describe('bundled cloud functions', () => {
  let memory: MemoryCloudbase;
  beforeAll(async () => {
    await buildFunctions();
    memory = installMemoryCloudbase();
    await seedWithDemoAccounts(new CloudbaseStore(cloudbaseDb()), new Date('2026-11-28T00:00:00Z'));
  }, 60000);
  afterAll(() => {
    delete process.env.WX_OPENID;
    delete process.env.WX_CONTEXT_KEYS;
    delete process.env.WX_APPID;
  });

  it('writes one folder per function with a minified index.js and the exact SDK version the tests ran', () => {
    const sdk = (
      JSON.parse(fs.readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(sdk).toMatch(/^\d+\.\d+\.\d+$/);
    for (const fn of FUNCTIONS) {
      const dir = path.join(FUNCTIONS_DIR, fn);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      const extra = Object.fromEntries((EXTRA_RUNTIME_DEPENDENCIES[fn] ?? []).map((d) => [d, installedVersion(d)]));
      expect(pkg.dependencies).toEqual({ '@cloudbase/node-sdk': sdk, ...extra });
      const code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(code).not.toMatch(/better-sqlite3|node:http/);
      // Minified: no source-like indentation, and long lines (only multi-line strings keep their breaks).
      expect(code).not.toMatch(/\n {2}(const|let|return|if) /);
      expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    }
  });

  it('keeps each bundle at or under 300 KB, with zod in English only (no other locale)', () => {
    for (const fn of FUNCTIONS) {
      const file = path.join(FUNCTIONS_DIR, fn, 'index.js');
      expect(fs.statSync(file).size).toBeLessThanOrEqual(300 * 1024);
      const code = fs.readFileSync(file, 'utf8');
      // zod's German and French messages: present when every locale is bundled.
      expect(code).not.toContain('Ungültige Eingabe');
      expect(code).not.toContain('Entrée invalide');
    }
  });

  it('grants each function the WeChat open APIs it calls in config.json, and no others', () => {
    for (const fn of FUNCTIONS) {
      const files = fs.readdirSync(path.join(FUNCTIONS_DIR, fn)).sort();
      const openapi = OPENAPI_PERMISSIONS[fn];
      if (!openapi) {
        expect({ fn, files }).toEqual({ fn, files: ['index.js', 'package.json'] });
        continue;
      }
      expect({ fn, files }).toEqual({ fn, files: ['config.json', 'index.js', 'package.json'] });
      const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, fn, 'config.json'), 'utf8')) as unknown;
      expect(config).toEqual({ permissions: { openapi } });
    }
    // The review text check needs its permission, or every review with text waits for a person (error -604101).
    const ratings = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, 'ratings', 'config.json'), 'utf8')) as {
      permissions: { openapi: string[] };
    };
    expect(ratings.permissions.openapi).toContain('security.msgSecCheck');
  });

  it('answers geo.streets through the bundle, the real SDK and CloudBase, for an anonymous caller', async () => {
    asCaller(null);
    const before = memory.requests.length;
    const env = await load('geo')({ action: 'streets' }, context);
    if (!env.ok) throw new Error(env.error.message);
    const streets = env.data as Street[];
    expect(streets).toHaveLength(15);
    expect(streets.reduce((n, s) => n + s.communityCount, 0)).toBe(263);
    const sent = memory.requests.slice(before);
    expect(sent.some((r) => r.api === 'database.getDocument' && r.params.collectionName === 'streets')).toBe(true);
  });

  it('takes the openid from the context, never from the event', async () => {
    asCaller('oResident001');
    const env = await load('auth')(
      { action: 'me', data: { openid: 'demo:admin' }, userInfo: { openId: 'demo:admin' } },
      context,
    );
    expect(env.ok && (env.data as { user: User }).user).toMatchObject({ openid: 'oResident001', role: 'resident' });
  });

  it('lets a street worker set a location and refuses a resident, with dev sign-in off', async () => {
    asCaller('demo:worker-110102001');
    const set = await load('geo')(
      { action: 'setCommunityLocation', data: { communityCode: '110102001004', lng: 116.3745, lat: 39.9075 } },
      context,
    );
    expect(set.ok).toBe(true);
    asCaller('oResident001');
    const refused = await load('geo')(
      { action: 'setCommunityLocation', data: { communityCode: '110102001011', lng: 116.3745, lat: 39.9075 } },
      context,
    );
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } });
    const login = await load('auth')({ action: 'devLogin', data: { account: 'admin' } }, context);
    expect(login.ok || login.error.code).toBe('FORBIDDEN');
  });

  it('publishes a plain review through the bundled ratings function on CloudBase', async () => {
    const store = new CloudbaseStore(cloudbaseDb());
    await store.set('outlets', 'cloud-shop', outlet('cloud-shop', 116.3745, 39.9075));
    asCaller('oRater001');
    const plain = await load('ratings')(
      { action: 'submit', data: { outletId: 'cloud-shop', stars: 4, text: '很方便' } },
      context,
    );
    expect(plain.ok && (plain.data as { moderated: boolean }).moderated).toBe(false);
    const agg = await store.get('outletRatings', 'cloud-shop');
    expect(agg).toMatchObject({ count: 1, sum: 4 });
  });
});
