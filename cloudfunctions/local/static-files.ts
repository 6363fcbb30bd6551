import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { drain } from './body';
import { faviconIco } from './favicon';
import { closeAfter, sendText } from './respond';
import { inlineScriptHashes, NON_PAGE_CSP, pageCsp, setCommonHeaders } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** What serving the H5 build needs: its folder, a log, and the app page's cached policy. */
export interface StaticSite {
  root: string | undefined;
  log: (message: string, err?: unknown) => void;
  page: { key: string; html: Buffer; csp: string } | null;
}

/** Streams a file; a read error (say the file went away meanwhile) ends this answer, never the process. */
export function streamFile(file: string, res: http.ServerResponse, s: Pick<StaticSite, 'log'>): void {
  pipeline(fs.createReadStream(file), res, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') s.log('local server: could not send a file', err);
  });
}

/** index.html with a policy naming its inline scripts' hashes; read again whenever the build changes. */
async function appPage(root: string, s: StaticSite): Promise<{ html: Buffer; csp: string } | null> {
  const file = path.join(root, 'index.html');
  const st = await fs.promises.stat(file).catch(() => null);
  if (!st || !st.isFile()) return null;
  const key = `${st.mtimeMs}:${st.size}`;
  if (s.page?.key !== key) {
    const html = await fs.promises.readFile(file);
    s.page = { key, html, csp: pageCsp(inlineScriptHashes(html.toString('utf8'))) };
  }
  return s.page;
}

/** The H5 build's files (GET/HEAD): index.html with its page policy, hashed assets, and /favicon.ico. */
export async function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  segments: string[],
  s: StaticSite,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const drained = await drain(req);
    setCommonHeaders(res);
    res.writeHead(405, { allow: 'GET, HEAD', ...(drained ? {} : closeAfter(req, res)) }).end();
    return;
  }
  const root = s.root;
  if (segments.length === 1 && segments[0] === 'favicon.ico') return sendFavicon(req, res);
  if (!root) return sendText(res, 404, '未找到');
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) {
    const page = await appPage(root, s);
    if (!page) return sendText(res, 404, '未找到');
    setCommonHeaders(res, page.csp);
    // The HTML entry is always revalidated, so a new build is picked up at once.
    res.writeHead(200, {
      'content-type': TYPES['.html'],
      'content-length': page.html.length,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : page.html);
    return;
  }
  // Nothing hidden is served (dot-files), and nothing outside the build folder.
  if (segments.some((p) => p.startsWith('.'))) return sendText(res, 404, '未找到');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return sendText(res, 404, '未找到');
  const st = await fs.promises.stat(file).catch(() => null);
  if (!st || !st.isFile()) return sendText(res, 404, '未找到');
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  setCommonHeaders(res, NON_PAGE_CSP);
  // Hashed assets are immutable.
  res.writeHead(200, {
    'content-type': type,
    'content-length': st.size,
    'cache-control': 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') return void res.end();
  streamFile(file, res, s);
}

let favicon: Buffer | null = null;
function sendFavicon(req: http.IncomingMessage, res: http.ServerResponse): void {
  favicon ??= faviconIco();
  setCommonHeaders(res);
  res.writeHead(200, {
    'content-type': 'image/x-icon',
    'content-length': favicon.length,
    'cache-control': 'public, max-age=86400',
  });
  res.end(req.method === 'HEAD' ? undefined : favicon);
}
