import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../src/assets/marker.png'));

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
    const login = async (openid: string) => {
      const res = await fetch(`${running.url}/api/auth`, {
        method: 'POST',
        body: JSON.stringify({ action: 'devLogin', data: { openid } }),
      });
      return ((await res.json()) as { data: { token: string } }).data.token;
    };
    token = await login('uploader-1');
    other = await login('uploader-2');
  });
  afterAll(() => running.close());

  async function upload(bytes: Buffer, name: string, type: string, auth: string | null = token) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${running.url}/upload`, {
      method: 'POST',
      body: form,
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
    });
    return { status: res.status, env: (await res.json()) as Envelope<{ fileId: string }> };
  }
  const fileUrl = async (fileId: string, auth: string) => {
    const res = await fetch(`${running.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}` },
      body: JSON.stringify({ action: 'url', data: { fileId } }),
    });
    return (await res.json()) as Envelope<{ url: string }>;
  };

  it('keeps a PNG and serves it to its owner through a signed link', async () => {
    const { status, env } = await upload(PNG, 'licence.png', 'image/png');
    expect(status).toBe(200);
    if (!env.ok) throw new Error(env.error.message);
    const link = await fileUrl(env.data.fileId, token);
    if (!link.ok) throw new Error(link.error.message);
    const img = await fetch(`${running.url}${link.data.url}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
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

  it('refuses files over 5 MB and uploads without a session', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(big, 'big.png', 'image/png')).status).toBe(413);
    expect((await upload(PNG, 'licence.png', 'image/png', null)).status).toBe(401);
  });
});
