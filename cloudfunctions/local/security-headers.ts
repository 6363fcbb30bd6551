import crypto from 'node:crypto';
import type http from 'node:http';

/**
 * Headers on every answer of the local server. Pages may not be framed (clickjacking), types are not sniffed,
 * and no address (signed file links carry their signature in the query) leaks through the Referer.
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), payment=(), usb=()',
};

/** For answers that are never rendered as a page (JSON, images, scripts): nothing may load or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The hash of `javascript:;`, the href of Taro's H5 tab bar items. */
export const NOOP_LINK_HASH = `sha256-${crypto.createHash('sha256').update('javascript:;').digest('base64')}`;

/**
 * The policy of the app's page. What Taro's H5 build needs, checked in Chromium on the built app:
 * - scripts: only files of this origin, plus the one inline script of index.html (Taro's rem sizing), admitted
 *   by its hash — never 'unsafe-inline' or 'unsafe-eval', so injected markup cannot run script. Taro's H5 tab bar
 *   items are `<a href="javascript:;">`: that exact no-op URL is admitted by its hash ('unsafe-hashes' lets a hash
 *   match a javascript: URL; nothing else matches it), else every tab tap logs a violation;
 * - styles: Stencil-based Taro components insert <style> elements and style attributes at run time, so
 *   'unsafe-inline' is needed for styles (styles cannot run script);
 * - images: data: (the components' inline SVG icons) and blob: (a picked photo's preview);
 * - fonts: data: (the components' icon font is inlined);
 * - connect: this origin (the API) and blob: (Taro's H5 upload reads the picked photo from its blob: URL).
 */
export function pageCsp(inlineScriptHashes: readonly string[]): string {
  const scripts = ["'self'", ...inlineScriptHashes.map((h) => `'${h}'`), "'unsafe-hashes'", `'${NOOP_LINK_HASH}'`].join(
    ' ',
  );
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "worker-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `sha256-…` of every inline `<script>` (one without `src`) in an HTML page, for the page's policy. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    out.push(`sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return out;
}

export function setCommonHeaders(res: http.ServerResponse, csp: string = NON_PAGE_CSP): void {
  for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
  res.setHeader('content-security-policy', csp);
}
