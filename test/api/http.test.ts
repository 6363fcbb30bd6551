import fs from 'node:fs';
import type http from 'node:http';
import nodeHttp from 'node:http';
import zlib from 'node:zlib';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Envelope, Street } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';
import { createLocalServer } from '../../cloudfunctions/local/server';
import { revokeSession, SessionSigner } from '../../cloudfunctions/local/session';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import type { Store } from '../../cloudfunctions/store/port';

async function post(
  base: string,
  fn: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; env: Envelope<unknown> }> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, env: (await res.json()) as Envelope<unknown> };
}

async function login(base: string, account: string): Promise<string> {
  const { env } = await post(base, 'auth', { action: 'devLogin', data: { account } });
  if (!env.ok) throw new Error(env.error.message);
  return (env.data as { token: string }).token;
}

/** Sends bytes exactly as given (no URL normalisation) and returns the status code and the whole answer. */
function raw(base: string, request: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}
const get = (base: string, target: string) =>
  raw(base, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

/** A stand-in H5 build: an index.html with one inline script, one script file and one hidden file. */
function fakeBuild(): { dir: string; inline: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'));
  const inline = 'document.documentElement.style.fontSize="20px"';
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><script>${inline}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`,
  );
  fs.mkdirSync(path.join(dir, 'js'));
  fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, '.secret'), 'hidden');
  return { dir, inline };
}

describe('local server', () => {
  let dataDir: string;
  let running: RunningLocal;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-'));
    running = await startLocal({ dataDir, port: 0, devLogin: true });
  });
  afterEach(() => running.close());

  it('answers geo.streets with 15 streets adding up to 263 communities, 148 located', async () => {
    const { status, env } = await post(running.url, 'geo', { action: 'streets' });
    expect(status).toBe(200);
    if (!env.ok) throw new Error(env.error.message);
    const streets = env.data as Street[];
    expect(streets).toHaveLength(15);
    expect(streets.reduce((n, s) => n + s.communityCount, 0)).toBe(263);
    expect(streets.reduce((n, s) => n + s.locatedCount, 0)).toBe(148);
  });

  it('keeps 263 communities and what workers set after a second start on the same data folder', async () => {
    expect(running.seeded).toBe(true);
    const token = await login(running.url, 'worker-110102001');
    const set = await post(
      running.url,
      'geo',
      { action: 'setCommunityLocation', data: { communityCode: '110102001004', lng: 116.3745, lat: 39.9075 } },
      token,
    );
    expect(set.env.ok).toBe(true);
    await running.close();

    running = await startLocal({ dataDir, port: 0, devLogin: true });
    expect(running.seeded).toBe(false);
    expect(await running.store.count('communities')).toBe(263);
    expect(await running.store.count('streets')).toBe(15);
    expect((await running.store.get('communities', '110102001004'))?.locationSource).toBe('worker');
    // the session signed before the restart is still valid: the secret and the session live in the data folder
    const me = await post(running.url, 'auth', { action: 'me' }, token);
    expect(me.env.ok && (me.env.data as { user: { role: string } }).user.role).toBe('worker');
  });

  it('answers a forged, a v1 or a malformed token with UNAUTHENTICATED', async () => {
    for (const token of ['v1.eyJzdWIiOiJkZW1vOmFkbWluIn0.forged', 'v2.e30.x', 'x'.repeat(2000)]) {
      const { env } = await post(running.url, 'auth', { action: 'me' }, token);
      expect(env).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
    }
  });

  it('answers an unknown function and bad JSON with their own codes', async () => {
    const unknown = await post(running.url, 'payments', { action: 'pay' });
    expect(unknown.status).toBe(200);
    expect(unknown.env.ok || unknown.env.error.code).toBe('UNKNOWN_ACTION');
    const bad = await post(running.url, 'geo', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.env.ok || bad.env.error.code).toBe('INVALID_INPUT');
  });

  it('listens on the loopback address only', () => {
    expect(new URL(running.url).hostname).toBe('127.0.0.1');
  });
});

describe('malformed paths never take the server down', () => {
  let running: RunningLocal;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'paths-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      staticDir: fakeBuild().dir,
      log: () => undefined,
    });
  });
  afterAll(() => running.close());

  const cases: [string, number][] = [
    ['/%', 400],
    ['/index.html%00', 400],
    ['/%00', 400],
    ['/%E0%A4%A', 400],
    ['/%C0%AF', 400],
    ['/files/%', 400],
    ['/files/%00', 400],
    ['/files/..%2f..%2fsession-secret', 404],
    ['/upload%00', 400],
    ['/upload/%', 400],
    ['/api/%', 400],
    ['/api/geo%00', 400],
    ['/api/%E0%A4%A', 400],
    ['/js/app.js%00.png', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%2f..%2fetc%2fpasswd', 404],
    ['/js/..%5c..%5cindex.html', 400],
    ['/js//app.js', 404],
    ['/.secret', 404],
    ['/js/', 404],
    ['*', 400],
    ['http://127.0.0.1/%', 400],
  ];
  it.each(cases)('answers GET %s with %i and keeps serving', async (target, status) => {
    const answer = await get(running.url, target);
    expect(answer.status).toBe(status);
    expect(answer.text).not.toMatch(/URIError|TypeError|at \//);
    expect((await get(running.url, '/')).status).toBe(200);
  });

  it('answers the same paths by POST (with a body) without a crash', async () => {
    for (const [target] of cases) {
      const body = '{"action":"streets"}';
      const answer = await raw(
        running.url,
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect([400, 404, 405]).toContain(answer.status);
    }
    expect((await post(running.url, 'geo', { action: 'streets' })).env.ok).toBe(true);
  });

  it('still serves the app and its files', async () => {
    expect((await get(running.url, '/js/app.js')).status).toBe(200);
    expect((await get(running.url, '/index.html')).status).toBe(200);
  });
});

describe('security headers, body limits and content types', () => {
  let running: RunningLocal;
  let build: { dir: string; inline: string };
  beforeAll(async () => {
    build = fakeBuild();
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'headers-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      staticDir: build.dir,
    });
  });
  afterAll(() => running.close());

  const expectHardened = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  };

  it('sends nosniff, DENY, frame-ancestors and no-referrer on the page, the API, files and errors', async () => {
    expectHardened(await fetch(`${running.url}/`));
    expectHardened(await fetch(`${running.url}/js/app.js`));
    expectHardened(await fetch(`${running.url}/nothing-here`));
    const api = await fetch(`${running.url}/api/geo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"streets"}',
    });
    expectHardened(api);
    expect(api.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('admits the page’s own inline script by its hash, and no inline script or eval otherwise', async () => {
    const csp = (await fetch(`${running.url}/`)).headers.get('content-security-policy') ?? '';
    const hash = crypto.createHash('sha256').update(build.inline).digest('base64');
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    // Besides its own hash: the no-op `javascript:;` of Taro's tab bar links, by hash; no 'unsafe-inline'.
    expect(scriptSrc.split(' ').sort()).toEqual(
      [`'self'`, `'sha256-${hash}'`, `'unsafe-hashes'`, `'sha256-lfXlPY3+MCPOPb4mrw1Y961+745U3WlDQVcOXdchSQc='`].sort(),
    );
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it('serves /favicon.ico as an icon', async () => {
    const res = await fetch(`${running.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header
    expect(bytes.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
  });

  it('answers a body over 1 MB with a 413 envelope, not a connection reset', async () => {
    const big = JSON.stringify({ action: 'streets', data: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const { status, env } = await post(running.url, 'geo', big);
    expect(status).toBe(413);
    expect(env).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大（上限 1 MB）' } });
  });

  it('answers a chunked body over 1 MB (no Content-Length) with a 413 envelope', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
    const res = await fetch(`${running.url}/api/geo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Envelope<unknown>).ok).toBe(false);
  });

  it('refuses text/plain, form and missing content types on /api with a 415 envelope', async () => {
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data', null]) {
      const res = await fetch(`${running.url}/api/geo`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: type ? '{"action":"streets"}' : undefined,
      });
      expect(res.status).toBe(415);
      const env = (await res.json()) as Envelope<unknown>;
      expect(env.ok || env.error.code).toBe('INVALID_INPUT');
    }
    // application/json with a UTF-8 charset is fine.
    const ok = await fetch(`${running.url}/api/geo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"action":"streets"}',
    });
    expect(ok.status).toBe(200);
  });

  it('answers GET on /api with 405 and an envelope', async () => {
    const res = await fetch(`${running.url}/api/geo`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('refuses a request whose Host is not this machine (a DNS-rebinding page)', async () => {
    const body = '{"action":"devLogin","data":{"account":"admin"}}';
    const answer = await raw(
      running.url,
      `POST /api/auth HTTP/1.1\r\nHost: evil.example:8080\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(421);
    expect(answer.text).not.toMatch(/token/);
  });
});

describe('sign-in rate limit', () => {
  let running: RunningLocal;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'signin-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
    });
  });
  afterAll(() => running.close());

  it('allows 30 sign-ins a minute from one address, then answers RATE_LIMITED saying when to retry', async () => {
    const answers = await Promise.all(
      Array.from({ length: 35 }, (_, i) =>
        post(running.url, 'auth', { action: 'devLogin', data: { openid: `p-${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.env.ok)).toHaveLength(30);
    const refused = answers.filter((a) => !a.env.ok).map((a) => a.env);
    expect(refused).toHaveLength(5);
    for (const env of refused) {
      expect(env.ok || env.error.code).toBe('RATE_LIMITED');
      expect(env.ok || env.error.message).toMatch(/^登录过于频繁，请 \d+ 秒后再试$/);
    }
    // Other actions are not limited by it.
    expect((await post(running.url, 'geo', { action: 'streets' })).env.ok).toBe(true);
  });
});

describe('sessions over HTTP', () => {
  let dataDir: string;
  let running: RunningLocal;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sessions-'));
    running = await startLocal({ dataDir, port: 0, devLogin: true, demoOutlets: 0 });
  });
  afterEach(() => running.close());

  it('refuses an admin token issued by demo sign-in after a restart with demo sign-in off (DEV_LOGIN=0)', async () => {
    const admin = await login(running.url, 'admin');
    const circle = (await running.store.query('circles', { limit: 1 })).items[0];
    const rename = { action: 'save', data: { op: 'update', id: circle.id, name: '改名测试' } };
    expect((await post(running.url, 'circles', rename, admin)).env.ok).toBe(true);
    await running.close();

    running = await startLocal({ dataDir, port: 0, devLogin: false, demoOutlets: 0 });
    const again = await post(running.url, 'circles', { ...rename, data: { ...rename.data, name: '再次改名' } }, admin);
    expect(again.env.ok || again.env.error.code).toBe('UNAUTHENTICATED');
    expect((await running.store.get('circles', circle.id))?.name).toBe('改名测试');
    const me = await post(running.url, 'auth', { action: 'me' }, admin);
    expect(me.env.ok || me.env.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token after sign-out (revokeSession), keeping the person’s other sessions', async () => {
    const first = await login(running.url, 'resident');
    const second = await login(running.url, 'resident');
    expect(await revokeSession(running.store, SessionSigner.fromDataDir(dataDir), first)).toBe(true);
    const me = await post(running.url, 'auth', { action: 'me' }, first);
    expect(me.env.ok || me.env.error.code).toBe('UNAUTHENTICATED');
    expect((await post(running.url, 'auth', { action: 'me' }, second)).env.ok).toBe(true);
  });

  it('takes a worker’s powers away on the very next request when an admin makes them a resident', async () => {
    const worker = await login(running.url, 'worker-110102001');
    const set = {
      action: 'setCommunityLocation',
      data: { communityCode: '110102001004', lng: 116.3745, lat: 39.9075 },
    };
    expect((await post(running.url, 'geo', set, worker)).env.ok).toBe(true);
    await running.store.update('users', 'demo:worker-110102001', { role: 'resident', scope: null });
    const after = await post(running.url, 'geo', { ...set, data: { ...set.data, lng: 116.375 } }, worker);
    expect(after.env.ok || after.env.error.code).toBe('FORBIDDEN');
    expect((await running.store.get('communities', '110102001004'))?.location?.coordinates[0]).toBe(116.3745);
  });

  it('refuses a token whose session record is missing (e.g. a data folder restored without it)', async () => {
    const token = await login(running.url, 'resident');
    const sid = SessionSigner.fromDataDir(dataDir).verify(token)!.sid;
    await running.store.remove('sessions', sid);
    const me = await post(running.url, 'auth', { action: 'me' }, token);
    expect(me.env.ok || me.env.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('the process survives a request that throws', () => {
  it('answers INTERNAL with 500 when something outside any handler throws, logs it, and keeps serving', async () => {
    const store = SqliteStore.open(':memory:');
    const logged: unknown[] = [];
    let failNext = true;
    // A store whose session lookup throws once, as a broken disk would: this happens in the server, not a router.
    const flaky = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'get')
          return (collection: string, id: string) => {
            if (collection === 'sessions' && failNext) {
              failNext = false;
              throw new TypeError('disk on fire');
            }
            return target.get(collection as 'sessions', id);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Store;
    const signer = new SessionSigner(Buffer.alloc(32, 3));
    const server: http.Server = createLocalServer({
      deps: { store: flaky, now: () => new Date(), devLogin: true, log: (m, e) => logged.push([m, e]) },
      signer,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crashy-')),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const token = signer.issue({ sub: 'someone', sid: 's-x', via: 'demo' });
      const first = await post(base, 'auth', { action: 'me' }, token);
      expect(first.status).toBe(500);
      expect(first.env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
      expect(JSON.stringify(first.env)).not.toMatch(/disk on fire/);
      expect(logged).toHaveLength(1);
      const second = await post(base, 'auth', { action: 'me' });
      expect(second.status).toBe(200);
      expect(second.env.ok).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
    }
  });

  it('answers INTERNAL when a new session cannot be recorded, and hands out no token', async () => {
    const store = SqliteStore.open(':memory:');
    await store.set('users', 'demo:resident', {
      openid: 'demo:resident',
      role: 'resident',
      scope: null,
      nickname: '演示居民',
      demoAccount: 'resident',
      createdAt: new Date().toISOString(),
    });
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'set')
          return (collection: string, id: string, doc: unknown) =>
            collection === 'sessions'
              ? Promise.reject(new Error('disk full'))
              : target.set(collection as 'users', id, doc as never);
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Store;
    const server = createLocalServer({
      deps: { store: failing, now: () => new Date(), devLogin: true, log: () => undefined },
      signer: new SessionSigner(Buffer.alloc(32, 4)),
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'nosession-')),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const { status, env } = await post(base, 'auth', { action: 'devLogin', data: { account: 'resident' } });
      expect(status).toBe(500);
      expect(env.ok || env.error.code).toBe('INTERNAL');
      expect(JSON.stringify(env)).not.toMatch(/token/);
      expect((await post(base, 'geo', { action: 'streets' })).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
    }
  });
});

describe('npm start (the real entry, in its own process)', () => {
  it('keeps serving after every malformed path of issue 13 and refuses demo tokens once restarted with DEV_LOGIN=0', async () => {
    const { spawn } = await import('node:child_process');
    const root = path.resolve(__dirname, '../..');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-'));
    const start = (devLogin: '0' | '1') => {
      const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: '0',
          DATA_DIR: dataDir,
          DEMO_OUTLETS: '0',
          SKIP_H5_BUILD: '1',
          DEV_LOGIN: devLogin,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}`)));
      });
      return { child, url };
    };
    const stop = (child: ReturnType<typeof spawn>) =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });

    let run = start('1');
    try {
      const base = await run.url;
      for (const target of ['/%', '/index.html%00', '/%00', '/%E0%A4%A', '/files/%', '/upload%00'])
        expect([400, 404]).toContain((await get(base, target)).status);
      expect(run.child.exitCode).toBeNull();
      const admin = await login(base, 'admin');
      expect((await post(base, 'auth', { action: 'me' }, admin)).env.ok).toBe(true);
      await stop(run.child);

      run = start('0');
      const again = await run.url;
      const me = await post(again, 'auth', { action: 'me' }, admin);
      expect(me.env.ok || me.env.error.code).toBe('UNAUTHENTICATED');
    } finally {
      if (run.child.exitCode === null) await stop(run.child);
    }
  }, 60_000);
});

/** One request through node:http, which (unlike fetch) neither asks for nor undoes compression by itself. */
function plain(
  base: string,
  target: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = nodeHttp.request(
      new URL(target, base),
      { method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('compression by Accept-Encoding', () => {
  let running: RunningLocal;
  let script: string;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body><div id="app"></div></body></html>');
    fs.mkdirSync(path.join(dir, 'js'));
    script = Array.from({ length: 400 }, (_, i) => `export const value${i} = "西城区便民生活圈 ${i}";`).join('\n');
    fs.writeFileSync(path.join(dir, 'js', 'app.3f2a9c1d.js'), script);
    fs.writeFileSync(path.join(dir, 'logo.png'), crypto.randomBytes(4096));
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gz-data-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      staticDir: dir,
    });
  });
  afterAll(() => running.close());

  const streets = (headers: Record<string, string> = {}) =>
    plain(running.url, '/api/geo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ action: 'streets' }),
    });

  it('answers the API in gzip to a gzip request, decoding to the same JSON as the uncompressed answer', async () => {
    const bare = await streets();
    const gz = await streets({ 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.body.length).toBeLessThan(bare.body.length);
    const decoded = JSON.parse(zlib.gunzipSync(gz.body).toString('utf8')) as Envelope<Street[]>;
    expect(decoded).toEqual(JSON.parse(bare.body.toString('utf8')));
    expect(decoded.ok && decoded.data).toHaveLength(15);
  });

  it('sends no compression without Accept-Encoding, or when every encoding is refused', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0, br;q=0' },
    ]) {
      const res = await streets(headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect((JSON.parse(res.body.toString('utf8')) as Envelope<Street[]>).ok).toBe(true);
    }
  });

  it('prefers brotli, and keeps hashed files immutable when compressed', async () => {
    for (let round = 0; round < 2; round++) {
      const res = await plain(running.url, '/js/app.3f2a9c1d.js', {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 3);
      expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(script);
    }
    const gz = await plain(running.url, '/js/app.3f2a9c1d.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(script);
    const bare = await plain(running.url, '/js/app.3f2a9c1d.js');
    expect(bare.headers['content-encoding']).toBeUndefined();
    expect(bare.body.toString('utf8')).toBe(script);
  });

  it('leaves images and HEAD answers uncompressed', async () => {
    const png = await plain(running.url, '/logo.png', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(4096);
    const head = await plain(running.url, '/js/app.3f2a9c1d.js', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(script));
  });
});
