import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Envelope } from '../../types';
import { routerFor, type Deps } from '../api';
import type { SessionSigner } from './session';

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
  deps: Omit<Deps, 'issueSession'>;
  signer: SessionSigner;
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
    { ...opts.deps, issueSession: (id) => opts.signer.issue(id) },
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

/** The local server: `POST /api/<fn>` for the functions, and the H5 app's files for everything else. */
export function createLocalServer(opts: LocalServerOptions): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
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
