import type http from 'node:http';
import zlib from 'node:zlib';

/** Text types worth compressing: the API's JSON and the H5 build's scripts, styles, pages, data and icons. */
const COMPRESSIBLE =
  /^(application\/json|text\/javascript|application\/javascript|text\/css|text\/html|image\/svg\+xml)\b/i;
/** Below this a compressed answer is hardly smaller, and costs a little time. */
const MIN_BYTES = 512;
/** Compressed immutable files (hashed assets), by path and encoding; cleared when it grows too big. */
const IMMUTABLE_CACHE = new Map<string, Buffer>();
const IMMUTABLE_CACHE_MAX = 32 * 1024 * 1024;
let immutableCacheBytes = 0;

export type Encoding = 'br' | 'gzip';

/** The encoding to use for an `Accept-Encoding` header: brotli, then gzip, honouring `q=0`. */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function compress(body: Buffer, encoding: Encoding, hard: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (encoding === 'br') {
      zlib.brotliCompress(
        body,
        {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: hard ? 9 : 4,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        },
        done,
      );
    } else zlib.gzip(body, { level: hard ? 9 : 6 }, done);
  });
}

function headerValue(headers: http.OutgoingHttpHeaders, res: http.ServerResponse, name: string): string {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return String(v ?? '');
  const v = res.getHeader(name);
  return v === undefined ? '' : String(v);
}

/**
 * Compresses this answer when the client accepts gzip or brotli and the body is compressible text. The answer
 * is collected (every answer here is small: envelopes and the H5 build's files), compressed once and sent with
 * its compressed length; immutable files are compressed once per process. Every text answer says
 * `Vary: Accept-Encoding`, compressed or not.
 */
export function compressResponses(req: http.IncomingMessage, res: http.ServerResponse): void {
  const encoding = req.method === 'HEAD' ? null : chooseEncoding(req.headers['accept-encoding']);
  const origWriteHead = res.writeHead.bind(res) as (status: number, headers?: http.OutgoingHttpHeaders) => void;
  const origWrite = res.write.bind(res) as (chunk: unknown, cb?: () => void) => boolean;
  const origEnd = res.end.bind(res) as (chunk?: unknown, cb?: () => void) => void;

  let pending: { status: number; headers: http.OutgoingHttpHeaders } | null = null;
  let collecting = false;
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: unknown, enc?: unknown): Buffer | null => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return null;
    if (Buffer.isBuffer(chunk)) return chunk;
    if (chunk instanceof Uint8Array) return Buffer.from(chunk);
    return Buffer.from(String(chunk), typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
  };

  res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    const headers = (rest.find((r) => r && typeof r === 'object') ?? {}) as http.OutgoingHttpHeaders;
    const type = headerValue(headers, res, 'content-type');
    if (!COMPRESSIBLE.test(type)) {
      origWriteHead(status, headers);
      return res;
    }
    res.setHeader('vary', 'Accept-Encoding');
    const already = headerValue(headers, res, 'content-encoding');
    if (!encoding || already || status === 204 || status === 304 || status < 200) {
      origWriteHead(status, headers);
      return res;
    }
    pending = { status, headers };
    collecting = true;
    return res;
  } as typeof res.writeHead;

  res.write = function write(chunk: unknown, enc?: unknown, cb?: unknown) {
    if (!collecting) return origWrite(chunk, (typeof enc === 'function' ? enc : cb) as () => void);
    const buf = toBuffer(chunk, enc);
    if (buf) chunks.push(buf);
    const callback = typeof enc === 'function' ? enc : cb;
    if (typeof callback === 'function') process.nextTick(callback as () => void);
    return true;
  } as typeof res.write;

  res.end = function end(chunk?: unknown, enc?: unknown, cb?: unknown) {
    const callback = [chunk, enc, cb].find((a) => typeof a === 'function') as (() => void) | undefined;
    if (!collecting || !pending) {
      origEnd(typeof chunk === 'function' ? undefined : chunk, callback);
      return res;
    }
    collecting = false;
    const buf = toBuffer(chunk, enc);
    if (buf) chunks.push(buf);
    const body = Buffer.concat(chunks);
    const { status, headers } = pending;
    const rest: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'content-length') rest[k] = v;
    if (body.length < MIN_BYTES) {
      origWriteHead(status, { ...rest, 'content-length': body.length });
      origEnd(body, callback);
      return res;
    }
    const immutable = /immutable/.test(headerValue(headers, res, 'cache-control'));
    const key = `${encoding}:${req.url}:${body.length}`;
    const cached = immutable ? IMMUTABLE_CACHE.get(key) : undefined;
    const sendCompressed = (out: Buffer) => {
      if (res.destroyed) return;
      origWriteHead(status, { ...rest, 'content-encoding': encoding!, 'content-length': out.length });
      origEnd(out, callback);
    };
    if (cached) {
      sendCompressed(cached);
      return res;
    }
    compress(body, encoding!, immutable).then(
      (out) => {
        if (immutable) {
          if (immutableCacheBytes + out.length > IMMUTABLE_CACHE_MAX) {
            IMMUTABLE_CACHE.clear();
            immutableCacheBytes = 0;
          }
          IMMUTABLE_CACHE.set(key, out);
          immutableCacheBytes += out.length;
        }
        sendCompressed(out);
      },
      () => {
        if (res.destroyed) return;
        origWriteHead(status, { ...rest, 'content-length': body.length });
        origEnd(body, callback);
      },
    );
    return res;
  } as typeof res.end;
}
