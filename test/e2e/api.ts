import fs from 'node:fs';
import path from 'node:path';

/** Test data through the local API (the same calls the app makes), for pages that need something to show. */

const LICENCE = path.resolve(__dirname, '../../src/assets/marker.png');

/** Calls the local API as a demo account (or a new person), for the data the pages show. */
export async function api<T>(base: string, token: string | null, action: string, data: unknown): Promise<T> {
  const [fn, name] = action.split('.');
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action: name, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${action}: ${body.error?.message}`);
  return body.data;
}

export async function signInApi(base: string, account: string): Promise<string> {
  return (await api<{ token: string }>(base, null, 'auth.devLogin', { account })).token;
}

/** Registers a business with one outlet (licence photo uploaded) as the signed-in person; answers the outlet id. */
export async function registerOutlet(
  base: string,
  token: string,
  outlet: { name: string; streetCode: string; lng: number; lat: number },
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(LICENCE)], { type: 'image/png' }), 'licence.png');
  const res = await fetch(`${base}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const up = (await res.json()) as { data: { fileId: string } };
  await api(base, token, 'merchants.register', {
    creditCode: '91350100M000100Y43',
    legalName: '北京测试便民服务有限公司',
    contactName: '王经理',
    contactPhone: '010-66000000',
    licenseFile: up.data.fileId,
    outlets: [{ ...outlet, address: '西城区测试路 1 号', categories: ['vegetables'], hours: 'daily 07:00-20:00' }],
  });
  const mine = await api<{ outlets: { outlet: { id: string; name: string } }[] }>(base, token, 'merchants.mine', {});
  return mine.outlets.find((o) => o.outlet.name === outlet.name)!.outlet.id;
}
