import type http from 'node:http';
import type { Envelope } from '../../types';
import { setCommonHeaders } from './security-headers';

// How the local server answers: JSON envelopes and short texts, always with the common security headers.

/** The answer to anything unexpected: no detail of what went wrong leaves the server (it is logged instead). */
export const INTERNAL: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
};

export function send(
  res: http.ServerResponse,
  status: number,
  body: Envelope<unknown>,
  extra: http.OutgoingHttpHeaders = {},
) {
  const text = JSON.stringify(body);
  setCommonHeaders(res);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendText(res: http.ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}) {
  setCommonHeaders(res);
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** After an answer to a body too large to drain, the connection is closed rather than read further. */
export function closeAfter(req: http.IncomingMessage, res: http.ServerResponse): http.OutgoingHttpHeaders {
  res.once('finish', () => req.destroy());
  return { connection: 'close' };
}
