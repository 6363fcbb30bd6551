/**
 * Request paths, decoded once and safely. A percent-escape that is not valid UTF-8 (`/%`, `/%E0%A4%A`) makes
 * `decodeURIComponent` throw, and a NUL byte makes `fs` throw: both used to take the whole server down.
 */
export type DecodedPath =
  | { ok: true; raw: string; path: string; segments: string[]; query: URLSearchParams }
  | { ok: false; status: 400 | 404 };

/** Control characters (C0, DEL) and backslashes never belong in a path this server answers. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Splits a request target (`/a/b?x=1`) into its decoded path and query. Only origin-form targets are accepted;
 * bad escapes and control characters are 400, `.`/`..` segments and empty segments are 404 (nothing is served
 * under such names).
 */
export function decodeRequestPath(target: string | undefined): DecodedPath {
  if (!target || target[0] !== '/' || target.length > 2048) return { ok: false, status: 400 };
  const q = target.indexOf('?');
  const raw = q === -1 ? target : target.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (UNSAFE.test(path)) return { ok: false, status: 400 };
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
  } catch {
    return { ok: false, status: 400 };
  }
  const segments = path === '/' ? [] : path.slice(1).split('/');
  // A trailing slash is tolerated (`/api/geo/`); any other empty segment, `.` or `..` names nothing.
  if (segments.length && segments[segments.length - 1] === '') segments.pop();
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { ok: false, status: 404 };
  return { ok: true, raw, path, segments, query };
}
