import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import busboy from 'busboy';
import type { StoredFile } from '../../types';
import type { Store } from '../store/port';

/** Licence images: JPEG or PNG, at most 5 MB, recognised by their first bytes (never by name or declared type). */
export const MAX_UPLOAD = 5 * 1024 * 1024;

export function sniffImage(head: Buffer): StoredFile['mime'] | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  return null;
}

export type UploadResult = { ok: true; file: StoredFile } | { ok: false; status: number; message: string };

/** Reads one file from a multipart body (field `file`), checks it and keeps it in `<dataDir>/uploads`. */
export function receiveUpload(
  req: http.IncomingMessage,
  dataDir: string,
  owner: string,
  store: Store,
  now: Date,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD + 1, fields: 5 } });
    } catch {
      resolve({ ok: false, status: 400, message: '请以 multipart/form-data 上传文件' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let seen = false;
    bb.on('file', (_name, stream) => {
      seen = true;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPLOAD) tooLarge = true;
        else chunks.push(c);
      });
      stream.on('limit', () => (tooLarge = true));
    });
    bb.on('close', async () => {
      if (!seen) return resolve({ ok: false, status: 400, message: '没有收到文件' });
      if (tooLarge) return resolve({ ok: false, status: 413, message: '图片不能超过 5 MB' });
      const bytes = Buffer.concat(chunks);
      const mime = sniffImage(bytes.subarray(0, 8));
      if (!mime) return resolve({ ok: false, status: 415, message: '只接受 JPEG 或 PNG 图片' });
      const id = `file-${crypto.createHash('sha256').update(owner).update(bytes).digest('hex').slice(0, 32)}`;
      const dir = path.join(dataDir, 'uploads');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, id), bytes);
      const file: StoredFile = { id, owner, mime, size: bytes.length, createdAt: now.toISOString() };
      await store.set('files', id, file);
      resolve({ ok: true, file });
    });
    bb.on('error', () => resolve({ ok: false, status: 400, message: '上传内容有误' }));
    req.pipe(bb);
  });
}
