import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import busboy from 'busboy';
import type { StoredFile } from '../../types';
import { beijingDate } from '../../types/time';
import { readAll, type Store } from '../store/port';

/** Licence images: JPEG or PNG, at most 5 MB, recognised by their first bytes (never by name or declared type). */
export const MAX_UPLOAD = 5 * 1024 * 1024;

/**
 * What one person may upload per Beijing day. A merchant registering needs one licence photo, perhaps a few
 * retakes; the limits stop one account from filling the disk (247 uploads, 201 MB in seconds were seen).
 */
export interface UploadQuota {
  files: number;
  bytes: number;
}
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { files: 20, bytes: 40 * 1024 * 1024 };

export function sniffImage(head: Buffer): StoredFile['mime'] | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  return null;
}

export type UploadResult =
  | { ok: true; file: StoredFile }
  | { ok: false; status: number; code: 'INVALID_INPUT' | 'RATE_LIMITED'; message: string };

/** The day's counters of one person, in `rateLimits` (ids carry the Beijing date). */
const quotaIds = (owner: string, now: Date) => {
  const day = beijingDate(now);
  return { files: `upload-files:${owner}:${day}`, bytes: `upload-bytes:${owner}:${day}` };
};

/** 「今日上传已达上限…请明天再试」 */
export const quotaMessage = (quota: UploadQuota) =>
  `今日上传已达上限（每天 ${quota.files} 个文件、共 ${Math.round(quota.bytes / 1024 / 1024)} MB），请明天再试`;

/** Whether the person has room left today for one more file of (up to) `size` bytes; a cheap early check. */
export async function hasQuota(store: Store, owner: string, now: Date, quota: UploadQuota, size = 1): Promise<boolean> {
  const ids = quotaIds(owner, now);
  const [files, bytes] = await store.getMany('rateLimits', [ids.files, ids.bytes]);
  return (files?.count ?? 0) + 1 <= quota.files && (bytes?.count ?? 0) + size <= quota.bytes;
}

/**
 * Counts a new file against the day's quota, atomically (simultaneous uploads cannot both take the last place);
 * false when it does not fit.
 */
async function reserveQuota(store: Store, owner: string, now: Date, quota: UploadQuota, size: number) {
  const ids = quotaIds(owner, now);
  return store.transaction(async (tx) => {
    const files = (await tx.get('rateLimits', ids.files))?.count ?? 0;
    const bytes = (await tx.get('rateLimits', ids.bytes))?.count ?? 0;
    if (files + 1 > quota.files || bytes + size > quota.bytes) return false;
    const expiresAt = new Date(now.getTime() + 2 * 24 * 3600_000).toISOString();
    await tx.set('rateLimits', ids.files, { id: ids.files, count: files + 1, expiresAt });
    await tx.set('rateLimits', ids.bytes, { id: ids.bytes, count: bytes + size, expiresAt });
    return true;
  });
}

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Reads one file from a multipart body (field `file`), checks it and keeps it in `<dataDir>/uploads`. */
export function receiveUpload(
  req: http.IncomingMessage,
  dataDir: string,
  owner: string,
  store: Store,
  now: Date,
  quota: UploadQuota = DEFAULT_UPLOAD_QUOTA,
): Promise<UploadResult> {
  const bad = (status: number, message: string): UploadResult => ({
    ok: false,
    status,
    code: 'INVALID_INPUT',
    message,
  });
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD + 1, fields: 5, parts: 6 } });
    } catch {
      req.resume();
      resolve(bad(400, '请以 multipart/form-data 上传文件'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let seen = false;
    bb.on('file', (_name, stream) => {
      if (seen) {
        stream.resume();
        return;
      }
      seen = true;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPLOAD) tooLarge = true;
        else chunks.push(c);
      });
      stream.on('limit', () => (tooLarge = true));
    });
    const finish = async (): Promise<UploadResult> => {
      if (!seen) return bad(400, '没有收到文件');
      if (tooLarge) return bad(413, '图片不能超过 5 MB');
      const bytes = Buffer.concat(chunks);
      const mime = sniffImage(bytes.subarray(0, 8));
      if (!mime) return bad(415, '只接受 JPEG 或 PNG 图片');
      const id = `file-${crypto.createHash('sha256').update(owner).update(bytes).digest('hex').slice(0, 32)}`;
      // The same picture sent again by the same person is the same file: it costs no quota.
      const existing = await store.get('files', id);
      if (existing) return { ok: true, file: existing };
      if (!(await reserveQuota(store, owner, now, quota, bytes.length)))
        return { ok: false, status: 429, code: 'RATE_LIMITED', message: quotaMessage(quota) };
      const dir = uploadsDir(dataDir);
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(path.join(dir, id), bytes);
      const file: StoredFile = { id, owner, mime, size: bytes.length, createdAt: now.toISOString() };
      await store.set('files', id, file);
      return { ok: true, file };
    };
    bb.on('close', () => finish().then(resolve, reject));
    bb.on('error', () => {
      req.unpipe(bb);
      req.resume();
      resolve(bad(400, '上传内容有误'));
    });
    req.pipe(bb);
  });
}

/** Uploads younger than this are kept even when nothing names them yet (the merchant is still filling the form). */
export const UNREFERENCED_KEEP_MS = 24 * 3600 * 1000;

const FILE_NAME = /^file-[0-9a-f]{32}$/;

/**
 * Removes uploads that no business names as its licence (`businesses.licenseFile`) and that are older than a day,
 * record and bytes; and stray files in the uploads folder with no record (a crash between writing the bytes and
 * the record) older than a day. Returns how many files and bytes went.
 */
export async function cleanupUploads(
  store: Store,
  dataDir: string,
  now: Date,
): Promise<{ removed: number; bytes: number; strays: number }> {
  const cutoff = new Date(now.getTime() - UNREFERENCED_KEEP_MS);
  const dir = uploadsDir(dataDir);
  let removed = 0;
  let bytes = 0;
  const old = await readAll(store, 'files', { createdAt: { lt: cutoff.toISOString() } });
  for (let i = 0; i < old.length; i += 100) {
    const batch = old.slice(i, i + 100);
    const named = new Set(
      (await readAll(store, 'businesses', { licenseFile: { in: batch.map((f) => f.id) } })).map((b) => b.licenseFile),
    );
    for (const f of batch) {
      if (named.has(f.id)) continue;
      // The record first: a crash after it leaves a stray file, which the sweep below removes next time.
      await store.remove('files', f.id);
      await fs.promises.rm(path.join(dir, f.id), { force: true });
      removed++;
      bytes += f.size;
    }
  }
  let strays = 0;
  let names: string[] = [];
  try {
    names = (await fs.promises.readdir(dir)).filter((n) => FILE_NAME.test(n));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100);
    const docs = await store.getMany('files', batch);
    for (const [j, name] of batch.entries()) {
      if (docs[j]) continue;
      const p = path.join(dir, name);
      const st = await fs.promises.stat(p).catch(() => null);
      if (!st || !st.isFile() || st.mtimeMs >= cutoff.getTime()) continue;
      await fs.promises.rm(p, { force: true });
      strays++;
    }
  }
  return { removed, bytes, strays };
}
