import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../src/assets/marker.png'));
/** A distinct valid-looking PNG each time (the PNG signature then some bytes), so each counts as a new file. */
const pngNumber = (n: number, size = 64) => {
  const b = Buffer.alloc(size, n % 251);
  PNG.subarray(0, 8).copy(b);
  b.writeUInt32BE(n, 8);
  return b;
};

async function post(base: string, fn: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<unknown>;
}

async function login(base: string, openid: string): Promise<string> {
  const env = (await post(base, 'auth', { action: 'devLogin', data: { openid } })) as Envelope<{ token: string }>;
  if (!env.ok) throw new Error(env.error.message);
  return env.data.token;
}

async function uploadTo(base: string, bytes: Buffer, name: string, type: string, auth: string | null) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${base}/upload`, {
    method: 'POST',
    body: form,
    headers: auth ? { authorization: `Bearer ${auth}` } : {},
  });
  return { status: res.status, env: (await res.json()) as Envelope<{ fileId: string }> };
}

describe('licence image uploads on the local server', () => {
  let running: RunningLocal;
  let token: string;
  let other: string;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
    });
    token = await login(running.url, 'uploader-1');
    other = await login(running.url, 'uploader-2');
  });
  afterAll(() => running.close());

  const upload = (bytes: Buffer, name: string, type: string, auth: string | null = token) =>
    uploadTo(running.url, bytes, name, type, auth);
  const fileUrl = async (fileId: string, auth: string) =>
    (await post(running.url, 'files', { action: 'url', data: { fileId } }, auth)) as Envelope<{ url: string }>;

  it('keeps a PNG and serves it to its owner through a signed link', async () => {
    const { status, env } = await upload(PNG, 'licence.png', 'image/png');
    expect(status).toBe(200);
    if (!env.ok) throw new Error(env.error.message);
    const link = await fileUrl(env.data.fileId, token);
    if (!link.ok) throw new Error(link.error.message);
    const img = await fetch(`${running.url}${link.data.url}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    // A tampered or foreign link is refused, and so is another person asking for a link.
    // Change the signature's first character to a different one (whatever it was).
    const tampered = link.data.url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect(tampered).not.toBe(link.data.url);
    expect((await fetch(`${running.url}${tampered}`)).status).toBe(403);
    const foreign = await fileUrl(env.data.fileId, other);
    expect(foreign.ok || foreign.error.code).toBe('FORBIDDEN');
  });

  it('refuses a text file renamed to .png, judging by content', async () => {
    const { status, env } = await upload(Buffer.from('这不是图片，只是改了扩展名的文本'), 'licence.png', 'image/png');
    expect(status).toBe(415);
    expect(env.ok || env.error.message).toBe('只接受 JPEG 或 PNG 图片');
    expect(await running.store.count('files')).toBe(1);
  });

  it('refuses files over 5 MB with a 413 envelope, and uploads without a session', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(big, 'big.png', 'image/png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.env.ok || tooBig.env.error.message).toBe('图片不能超过 5 MB');
    expect((await upload(PNG, 'licence.png', 'image/png', null)).status).toBe(401);
  });
});

describe('upload quota and cleanup', () => {
  let running: RunningLocal;
  let dataDir: string;
  let clock: Date;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quota-'));
    clock = new Date('2026-11-28T02:00:00Z');
    running = await startLocal({
      dataDir,
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      clock: () => clock,
      uploadQuota: { files: 3, bytes: 1024 * 1024 },
    });
  });
  afterEach(() => running.close());

  it('refuses the 4th file of the day with RATE_LIMITED, counts a repeated picture once, and allows more the next Beijing day', async () => {
    const t = await login(running.url, 'busy-uploader');
    const first = await uploadTo(running.url, pngNumber(1), 'a.png', 'image/png', t);
    // The same picture again is the same file: no quota spent, the same id.
    const again = await uploadTo(running.url, pngNumber(1), 'a.png', 'image/png', t);
    expect(again.status).toBe(200);
    expect(again.env.ok && first.env.ok && again.env.data.fileId === first.env.data.fileId).toBe(true);
    for (const n of [2, 3])
      expect((await uploadTo(running.url, pngNumber(n), 'a.png', 'image/png', t)).status).toBe(200);
    const fourth = await uploadTo(running.url, pngNumber(4), 'a.png', 'image/png', t);
    expect(fourth.status).toBe(429);
    expect(fourth.env.ok || fourth.env.error.code).toBe('RATE_LIMITED');
    expect(fourth.env.ok || fourth.env.error.message).toMatch(/明天再试/);
    expect(await running.store.count('files')).toBe(3);
    // Another person has their own quota.
    const someoneElse = await login(running.url, 'calm-uploader');
    expect((await uploadTo(running.url, pngNumber(4), 'a.png', 'image/png', someoneElse)).status).toBe(200);
    // 16:00 UTC is midnight in Beijing: a new day.
    clock = new Date('2026-11-28T16:00:00Z');
    expect((await uploadTo(running.url, pngNumber(5), 'a.png', 'image/png', t)).status).toBe(200);
  });

  it('refuses a file that would pass the day’s byte allowance', async () => {
    const t = await login(running.url, 'big-uploader');
    expect((await uploadTo(running.url, pngNumber(1, 700 * 1024), 'a.png', 'image/png', t)).status).toBe(200);
    const second = await uploadTo(running.url, pngNumber(2, 400 * 1024), 'a.png', 'image/png', t);
    expect(second.status).toBe(429);
    expect(await running.store.count('files')).toBe(1);
  });

  it('lets exactly the quota through when ten uploads of one person arrive at once', async () => {
    const t = await login(running.url, 'racing-uploader');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => uploadTo(running.url, pngNumber(100 + i), 'a.png', 'image/png', t)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
    expect(await running.store.count('files', { owner: 'racing-uploader' })).toBe(3);
  });

  it('removes unreferenced uploads older than a day, keeps a licence a business names and anything newer', async () => {
    const t = await login(running.url, 'merchant-x');
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const r = await uploadTo(running.url, pngNumber(n), 'a.png', 'image/png', t);
      if (!r.env.ok) throw new Error(r.env.error.message);
      ids.push(r.env.data.fileId);
    }
    const [licence, abandoned] = ids;
    await running.store.set('businesses', 'biz-test', {
      id: 'biz-test',
      creditCode: '91110102MA00000000',
      legalName: '测试商户',
      contactName: '张三',
      contactPhone: '13800000000',
      licenseFile: licence,
      ownerOpenid: 'merchant-x',
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    });
    // A stray file with no record (a crash between the bytes and the record), old enough to go.
    const stray = path.join(dataDir, 'uploads', `file-${'a'.repeat(32)}`);
    fs.writeFileSync(stray, 'x');
    const old = new Date(clock.getTime() - 25 * 3600 * 1000);
    fs.utimesSync(stray, old, old);

    expect(await running.cleanupUploads()).toEqual({ removed: 0, bytes: 0, strays: 1 });
    expect(fs.existsSync(stray)).toBe(false);

    clock = new Date(clock.getTime() + 25 * 3600 * 1000);
    const result = await running.cleanupUploads();
    expect(result.removed).toBe(1);
    expect(await running.store.get('files', abandoned)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'uploads', abandoned))).toBe(false);
    expect(await running.store.get('files', licence)).not.toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'uploads', licence))).toBe(true);
  });

  it('runs the cleanup on start', async () => {
    const t = await login(running.url, 'leaver');
    const r = await uploadTo(running.url, pngNumber(9), 'a.png', 'image/png', t);
    if (!r.env.ok) throw new Error(r.env.error.message);
    await running.close();
    clock = new Date(clock.getTime() + 25 * 3600 * 1000);
    running = await startLocal({ dataDir, port: 0, devLogin: true, demoOutlets: 0, clock: () => clock });
    expect(await running.store.get('files', r.env.data.fileId)).toBeNull();
  });
});
