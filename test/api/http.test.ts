import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, Street } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';

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
    const login = await post(running.url, 'auth', { action: 'devLogin', data: { account: 'worker-110102001' } });
    if (!login.env.ok) throw new Error('login failed');
    const { token } = login.env.data as { token: string };
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
    // the session signed before the restart is still valid: the secret lives in the data folder
    const me = await post(running.url, 'auth', { action: 'me' }, token);
    expect(me.env.ok && (me.env.data as { user: { role: string } }).user.role).toBe('worker');
  });

  it('answers a forged or expired token with UNAUTHENTICATED', async () => {
    const { env } = await post(running.url, 'auth', { action: 'me' }, 'v1.eyJzdWIiOiJkZW1vOmFkbWluIn0.forged');
    expect(env).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
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
