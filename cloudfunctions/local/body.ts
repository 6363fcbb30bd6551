import type http from 'node:http';

/** The most a JSON request may carry. */
export const MAX_JSON_BODY = 1024 * 1024;
/**
 * How much of an oversized body is read and thrown away so that the client gets its 413 answer: a client that
 * is still sending when the socket closes sees a reset instead of the answer. Beyond this the socket is closed.
 */
export const MAX_DRAIN = 16 * 1024 * 1024;

export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; status: 413; drained: boolean }
  | { ok: false; status: 400; drained: boolean };

/** Whether a Content-Type names JSON (`application/json`, optionally `; charset=utf-8`). */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Reads a request body of at most `limit` bytes. An oversized body (by its Content-Length or as it arrives) is
 * drained up to MAX_DRAIN and reported as 413; `drained: false` means the caller should close the connection
 * after answering.
 */
export function readBody(req: http.IncomingMessage, limit = MAX_JSON_BODY): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_DRAIN) {
      req.resume();
      resolve({ ok: false, status: 413, drained: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      if (size > MAX_DRAIN) {
        req.pause();
        finish({ ok: false, status: 413, drained: false });
        return;
      }
      if (!over) chunks.push(c);
    });
    req.on('end', () => {
      if (over) finish({ ok: false, status: 413, drained: true });
      else finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => finish({ ok: false, status: 400, drained: false }));
    req.on('aborted', () => finish({ ok: false, status: 400, drained: false }));
  });
}

/** Reads and discards what is left of a body (bounded), then calls back; for answers that ignore the body. */
export function drain(req: http.IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve(true);
    let size = 0;
    let done = false;
    const finish = (v: boolean) => {
      if (!done) {
        done = true;
        resolve(v);
      }
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAIN) {
        req.pause();
        finish(false);
      }
    });
    req.on('end', () => finish(true));
    req.on('error', () => finish(false));
    req.resume();
  });
}
