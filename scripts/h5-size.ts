/**
 * `npx tsx scripts/h5-size.ts [dist-h5]`: the H5 build's JavaScript, measured: what the first load fetches (the
 * scripts index.html names), raw, gzip and brotli as the local server sends them, and every script in the build.
 * Issue 14's targets: first load ≤ 130 KB compressed, total ≤ 1.2 MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface H5Size {
  firstLoad: { files: string[]; raw: number; gzip: number; brotli: number };
  total: { files: number; raw: number };
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

export function measureH5(root: string): H5Size {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const body = fs.readFileSync(path.join(root, f));
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  }
  const all = jsFiles(root);
  return {
    firstLoad: { files, raw, gzip, brotli },
    total: { files: all.length, raw: all.reduce((n, f) => n + fs.statSync(f).size, 0) },
  };
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist-h5'));
  const s = measureH5(root);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `H5 first load: ${s.firstLoad.files.length} scripts, ${kb(s.firstLoad.raw)} raw, ${kb(s.firstLoad.gzip)} gzip, ` +
      `${kb(s.firstLoad.brotli)} brotli (target ≤ 130 KB compressed)`,
  );
  console.log(`H5 total JS: ${s.total.files} files, ${kb(s.total.raw)} (target ≤ 1.2 MB)`);
}
