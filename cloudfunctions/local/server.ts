import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Envelope } from '../../types';
import { routerFor, type Deps } from './routers';
import type { SessionSigner } from './session';
import { receiveUpload } from './uploads';

const MAX_BODY = 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface LocalServerOptions {
  deps: Omit<Deps, 'issueSession' | 'fileUrl'>;
  signer: SessionSigner;
  /** Where uploads are kept (`<dataDir>/uploads`). */
  dataDir: string;
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
}

function send(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, fn: string, opts: LocalServerOptions) {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const raw = await readBody(req);
  if (raw === null) return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '请求过大' } });
  let event: unknown;
  try {
    event = raw ? JSON.parse(raw) : {};
  } catch {
    return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } });
  }
  const router = routerFor(fn);
  if (!router) return send(res, 200, { ok: false, error: { code: 'UNKNOWN_ACTION', message: `不支持的功能：${fn}` } });

  let openid: string | null = null;
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer (\S+)$/.exec(auth);
    openid = m ? opts.signer.verify(m[1]) : null;
    if (!openid)
      return send(res, 200, { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
  }
  const envelope = await router.handle(
    event,
    { openid },
    {
      ...opts.deps,
      issueSession: (id) => opts.signer.issue(id),
      fileUrl: (fileId) => signedFileUrl(opts.signer, fileId),
    },
  );
  send(res, 200, envelope);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://local');
  const rel = decodeURIComponent(url.pathname) === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1);
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Hashed assets are immutable; the HTML entry is always revalidated.
    const cache = rel === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable';
    res.writeHead(200, { 'content-type': type, 'content-length': st.size, 'cache-control': cache });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/** Links to uploaded files are signed and expire after ten minutes, so an <img> can show one without a header. */
const FILE_LINK_MS = 10 * 60 * 1000;

function signedFileUrl(signer: SessionSigner, fileId: string, now = Date.now()): string {
  const exp = now + FILE_LINK_MS;
  return `/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${signer.sign(`file:${fileId}:${exp}`)}`;
}

function authOpenid(req: http.IncomingMessage, signer: SessionSigner): string | null {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return m ? signer.verify(m[1]) : null;
}

async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, opts: LocalServerOptions) {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const openid = authOpenid(req, opts.signer);
  if (!openid) return send(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  const result = await receiveUpload(req, opts.dataDir, openid, opts.deps.store, opts.deps.now());
  if (!result.ok)
    return send(res, result.status, { ok: false, error: { code: 'INVALID_INPUT', message: result.message } });
  send(res, 200, { ok: true, data: { fileId: result.file.id, size: result.file.size, mime: result.file.mime } });
}

function serveFile(req: http.IncomingMessage, res: http.ServerResponse, fileId: string, opts: LocalServerOptions) {
  const url = new URL(req.url ?? '/', 'http://local');
  const exp = Number(url.searchParams.get('exp'));
  const sig = url.searchParams.get('sig') ?? '';
  if (
    !/^file-[0-9a-f]{32}$/.test(fileId) ||
    !Number.isFinite(exp) ||
    exp < Date.now() ||
    !opts.signer.check(`file:${fileId}:${exp}`, sig)
  ) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('链接无效或已过期');
    return;
  }
  opts.deps.store
    .get('files', fileId)
    .then((f) => {
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': f.mime,
        'cache-control': 'private, max-age=600',
        'x-content-type-options': 'nosniff',
      });
      fs.createReadStream(path.join(opts.dataDir, 'uploads', fileId)).pipe(res);
    })
    .catch(() => res.writeHead(500).end());
}

/** The local server: `POST /api/<fn>` for the functions, and the H5 app's files for everything else. */
export function createLocalServer(opts: LocalServerOptions): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/upload') {
      handleUpload(req, res, opts).catch((err) => {
        (opts.deps.log ?? console.error)('local server: upload failed', err);
        if (!res.headersSent)
          send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
      });
      return;
    }
    const file = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (file) {
      serveFile(req, res, decodeURIComponent(file[1]), opts);
      return;
    }
    const api = /^\/api\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1], opts).catch((err) => {
        (opts.deps.log ?? console.error)('local server: request failed', err);
        if (!res.headersSent)
          send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
      });
      return;
    }
    if (opts.staticDir) serveStatic(req, res, opts.staticDir);
    else res.writeHead(404).end();
  });
}
