import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { routerFor, type Deps } from './routers';
import { compressResponses } from './compress';
import { drain, isJsonContentType, MAX_DRAIN, MAX_JSON_BODY, readBody } from './body';
import { decodeRequestPath } from './paths';
import { RateLimiter, retryMessage } from './rate-limit';
import { closeAfter, INTERNAL, invalid, send, sendText } from './respond';
import { setCommonHeaders } from './security-headers';
import { serveStatic, streamFile, type StaticSite } from './static-files';
import { LocalSessions, type SessionSigner } from './session';
import { DEFAULT_UPLOAD_QUOTA, hasQuota, MAX_UPLOAD, quotaMessage, receiveUpload, type UploadQuota } from './uploads';

/** Sign-in attempts (`auth.devLogin`) per client address: 30 a minute. */
export const DEFAULT_SIGN_IN_LIMIT = { max: 30, windowMs: 60_000 };

export interface LocalServerOptions {
  deps: Omit<Deps, 'issueSession' | 'fileUrl'>;
  signer: SessionSigner;
  /** Where uploads are kept (`<dataDir>/uploads`). */
  dataDir: string;
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
  /** Sign-in attempts per client address (default DEFAULT_SIGN_IN_LIMIT). */
  signInLimit?: { max: number; windowMs: number };
  /** Uploads per person per Beijing day (default DEFAULT_UPLOAD_QUOTA). */
  uploadQuota?: UploadQuota;
  /**
   * Host names the server answers to. Anything else is refused, so a web page whose name is made to resolve to
   * 127.0.0.1 (DNS rebinding) cannot use dev sign-in. Default: 127.0.0.1, localhost, ::1.
   */
  allowedHosts?: readonly string[];
}

/** The names a loopback server answers to. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;

/** The client's address, as one key (`::ffff:127.0.0.1` and `127.0.0.1` are the same client). */
function clientAddress(req: http.IncomingMessage): string {
  const a = req.socket.remoteAddress ?? 'unknown';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

function bearer(req: http.IncomingMessage): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer (\S{1,1024})$/.exec(h);
  return m ? m[1] : null;
}

/** Links to uploaded files are signed and expire after ten minutes, so an <img> can show one without a header. */
const FILE_LINK_MS = 10 * 60 * 1000;

function signedFileUrl(signer: SessionSigner, fileId: string, now = Date.now()): string {
  const exp = now + FILE_LINK_MS;
  return `/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${signer.sign(`file:${fileId}:${exp}`)}`;
}

interface ServerState {
  opts: LocalServerOptions;
  sessions: LocalSessions;
  signIns: RateLimiter;
  quota: UploadQuota;
  log: (message: string, err?: unknown) => void;
  site: StaticSite;
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, fn: string, s: ServerState) {
  if (req.method !== 'POST') {
    const drained = await drain(req);
    return send(res, 405, invalid('只接受 POST 请求'), { allow: 'POST', ...(drained ? {} : closeAfter(req, res)) });
  }
  // Only JSON: a form or text/plain body is what a cross-site page can send without the browser asking first.
  if (!isJsonContentType(req.headers['content-type'])) {
    const drained = await drain(req);
    return send(res, 415, invalid('请以 JSON 格式发送请求（Content-Type: application/json）'), {
      ...(drained ? {} : closeAfter(req, res)),
    });
  }
  const body = await readBody(req, MAX_JSON_BODY);
  if (!body.ok) {
    const extra = body.drained ? {} : closeAfter(req, res);
    if (body.status === 413) return send(res, 413, invalid('请求内容过大（上限 1 MB）'), extra);
    return send(res, 400, invalid('请求不完整'), extra);
  }
  let event: unknown;
  try {
    event = body.text ? JSON.parse(body.text) : {};
  } catch {
    return send(res, 400, invalid('请求不是有效的 JSON'));
  }
  const router = routerFor(fn);
  if (!router) return send(res, 200, { ok: false, error: { code: 'UNKNOWN_ACTION', message: `不支持的功能：${fn}` } });

  const action = event && typeof event === 'object' ? (event as { action?: unknown }).action : undefined;
  if (fn === 'auth' && action === 'devLogin') {
    const wait = s.signIns.take(clientAddress(req));
    if (wait > 0)
      return send(
        res,
        200,
        { ok: false, error: { code: 'RATE_LIMITED', message: retryMessage('登录', wait) } },
        { 'retry-after': String(Math.ceil(wait / 1000)) },
      );
  }

  let openid: string | null = null;
  const token = bearer(req);
  if (token !== undefined) {
    const session = token === null ? null : await s.sessions.authenticate(token);
    if (!session)
      return send(res, 200, { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } });
    openid = session.openid;
  }
  // A new session's record must be written before its token is handed out (the token is refused without it).
  const recording: Promise<void>[] = [];
  const deps = {
    ...s.opts.deps,
    issueSession: (id: string) => {
      const started = s.sessions.start(id, 'demo');
      recording.push(started.recorded);
      return started.token;
    },
    fileUrl: (fileId: string) => signedFileUrl(s.opts.signer, fileId),
    /** Sign-out hook for `auth.signOut`: revokes the session of this request's token. */
    endSession: async () => (token ? s.sessions.revoke(token) : false),
  };
  const envelope = await router.handle(event, { openid }, deps);
  await Promise.all(recording);
  send(res, 200, envelope);
}

async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, s: ServerState) {
  if (req.method !== 'POST') {
    const drained = await drain(req);
    return send(res, 405, invalid('只接受 POST 请求'), { allow: 'POST', ...(drained ? {} : closeAfter(req, res)) });
  }
  const token = bearer(req);
  const session = token ? await s.sessions.authenticate(token) : null;
  if (!session) {
    const drained = await drain(req);
    return send(
      res,
      401,
      { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
      {
        ...(drained ? {} : closeAfter(req, res)),
      },
    );
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const store = s.opts.deps.store;
  const now = s.opts.deps.now();
  if (Number.isFinite(declared) && declared > MAX_UPLOAD + 64 * 1024) {
    const drained = await drain(req);
    return send(res, 413, invalid('图片不能超过 5 MB'), drained ? {} : closeAfter(req, res));
  }
  if (!(await hasQuota(store, session.openid, now, s.quota))) {
    const drained = await drain(req);
    return send(
      res,
      429,
      { ok: false, error: { code: 'RATE_LIMITED', message: quotaMessage(s.quota) } },
      {
        ...(drained ? {} : closeAfter(req, res)),
      },
    );
  }
  // A body without a length is cut off once it is far beyond any acceptable image.
  let seen = 0;
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen > MAX_DRAIN) req.destroy();
  });
  const result = await receiveUpload(req, s.opts.dataDir, session.openid, store, now, s.quota);
  if (!result.ok) return send(res, result.status, { ok: false, error: { code: result.code, message: result.message } });
  send(res, 200, { ok: true, data: { fileId: result.file.id, size: result.file.size, mime: result.file.mime } });
}

async function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  fileId: string,
  query: URLSearchParams,
  s: ServerState,
) {
  const exp = Number(query.get('exp'));
  const sig = query.get('sig') ?? '';
  if (
    !/^file-[0-9a-f]{32}$/.test(fileId) ||
    !Number.isFinite(exp) ||
    exp < Date.now() ||
    !s.opts.signer.check(`file:${fileId}:${exp}`, sig)
  )
    return sendText(res, 403, '链接无效或已过期');
  const f = await s.opts.deps.store.get('files', fileId);
  const file = path.join(s.opts.dataDir, 'uploads', fileId);
  const st = f ? await fs.promises.stat(file).catch(() => null) : null;
  if (!f || !st || !st.isFile()) return sendText(res, 404, '未找到');
  setCommonHeaders(res);
  res.writeHead(200, { 'content-type': f.mime, 'content-length': st.size, 'cache-control': 'private, max-age=600' });
  if (req.method === 'HEAD') return void res.end();
  streamFile(file, res, s);
}

function hostAllowed(req: http.IncomingMessage, allowed: readonly string[]): boolean {
  const host = req.headers.host;
  if (host === undefined) return true; // HTTP/1.0 clients; browsers always send Host
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  const name = m[1].replace(/^\[|\]$/g, '');
  return allowed.includes(name);
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, s: ServerState): Promise<void> {
  if (!hostAllowed(req, s.opts.allowedHosts ?? LOOPBACK_HOSTS)) {
    await drain(req);
    return sendText(res, 421, '不接受此主机名的请求');
  }
  const p = decodeRequestPath(req.url);
  if (!p.ok) {
    const drained = await drain(req);
    return sendText(res, p.status, p.status === 400 ? '请求地址无效' : '未找到', drained ? {} : closeAfter(req, res));
  }
  const [first, second, ...rest] = p.segments;
  if (first === 'api' && rest.length === 0) {
    if (second !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(second)) return handleApi(req, res, second, s);
  } else if (first === 'upload' && second === undefined) {
    return handleUpload(req, res, s);
  } else if (first === 'files' && second !== undefined && rest.length === 0) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await drain(req);
      return sendText(res, 405, '只接受 GET 请求', { allow: 'GET, HEAD' });
    }
    return serveFile(req, res, second, p.query, s);
  }
  if (first === 'api' || first === 'upload' || first === 'files') {
    await drain(req);
    return sendText(res, 404, '未找到');
  }
  return serveStatic(req, res, p.segments, s.site);
}

/**
 * The local server: `POST /api/<fn>` for the functions, `/upload` and `/files/…` for licence images, and the H5
 * app's files for everything else. No request can take the process down: whatever a request throws is logged
 * and answered with `INTERNAL` (or the connection is closed when an answer was already under way).
 */
export function createLocalServer(opts: LocalServerOptions): http.Server {
  const limit = opts.signInLimit ?? DEFAULT_SIGN_IN_LIMIT;
  const log = (message: string, err?: unknown) => (opts.deps.log ?? console.error)(message, err);
  const state: ServerState = {
    opts,
    sessions: new LocalSessions(opts.deps.store, opts.signer, opts.deps.devLogin, opts.deps.now),
    signIns: new RateLimiter(limit.max, limit.windowMs),
    quota: opts.uploadQuota ?? DEFAULT_UPLOAD_QUOTA,
    log,
    site: { root: opts.staticDir, log, page: null },
  };
  const server = http.createServer((req, res) => {
    let work: Promise<void>;
    try {
      compressResponses(req, res);
      work = route(req, res, state);
    } catch (err) {
      work = Promise.reject(err);
    }
    work.catch((err: unknown) => {
      state.log(`local server: ${req.method} request failed`, err);
      try {
        if (!res.headersSent) send(res, 500, INTERNAL, { connection: 'close' });
        else res.destroy();
      } catch {
        res.destroy();
      }
    });
  });
  return server;
}
