/**
 * `npm run build:functions`: bundles each cloud function with esbuild into dist-functions/<fn>/ — a minified
 * index.js, a package.json whose only dependency is @cloudbase/node-sdk at exactly the version installed here (the
 * one the tests ran), and, for a function that calls WeChat's open APIs, a config.json granting them. SQLite and
 * the local server never enter a bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { FUNCTIONS, type FnName } from '../types';

const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_DIR = path.join(ROOT, 'dist-functions');
/** Packages the cloud installs instead of the bundle carrying them. */
const RUNTIME_DEPENDENCIES = ['@cloudbase/node-sdk'];
/**
 * Further packages one function has the cloud install: `docx` (about 230 KB minified) would take the 一街一则
 * function's bundle over its 300 KB budget, and it has no dependencies of its own.
 */
export const EXTRA_RUNTIME_DEPENDENCIES: Partial<Record<FnName, readonly string[]>> = { guidelines: ['docx'] };

/**
 * WeChat open APIs each function calls through CloudBase (`callWxOpenApi`). A function's folder must carry a
 * config.json naming them, or the call fails with -604101 (no permission). Add a line when a function starts calling
 * one; a function not listed gets no config.json.
 */
export const OPENAPI_PERMISSIONS: Partial<Record<FnName, readonly string[]>> = {
  /** Content security check of review text (msgSecCheck v2, scene 2). */
  ratings: ['security.msgSecCheck'],
  /** Subscription messages: event reminders and changes, review outcomes, replies to reports, survey invitations. */
  events: ['subscribeMessage.send'],
  reviews: ['subscribeMessage.send'],
  demand: ['subscribeMessage.send'],
  surveys: ['subscribeMessage.send'],
};

/** The exact version of an installed package (what the tests ran), never a range the cloud may resolve higher. */
export function installedVersion(pkg: string): string {
  // A package whose `exports` hides its package.json (docx) is read from node_modules directly.
  let manifest = path.join(ROOT, 'node_modules', pkg, 'package.json');
  try {
    manifest = path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), 'package.json');
  } catch {
    /* keep the node_modules path */
  }
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * zod's entry re-exports every locale (`z.locales`, about 260 KB minified) and sets English messages by default.
 * The router sets its own Chinese messages (`z.config({ customError })`) and never reads `z.locales`: inside zod,
 * the locales index is replaced by English alone.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /(^|\/)locales\/index\.c?js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const ext = path.extname(args.path);
      return { path: path.resolve(path.dirname(args.importer), '../locales', `en${ext}`), namespace: 'zod-en' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

export async function buildFunctions(): Promise<string[]> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  fs.rmSync(FUNCTIONS_DIR, { recursive: true, force: true });
  for (const fn of FUNCTIONS) {
    const out = path.join(FUNCTIONS_DIR, fn);
    const runtime = [...RUNTIME_DEPENDENCIES, ...(EXTRA_RUNTIME_DEPENDENCIES[fn] ?? [])];
    const dependencies = Object.fromEntries(runtime.map((d) => [d, installedVersion(d)]));
    await build({
      entryPoints: [path.join(ROOT, 'cloudfunctions/functions', fn, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: runtime,
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [zodEnglishOnly],
    });
    const manifest = { name: fn, version: pkg.version, private: true, main: 'index.js', dependencies };
    fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const openapi = OPENAPI_PERMISSIONS[fn];
    if (openapi?.length)
      fs.writeFileSync(
        path.join(out, 'config.json'),
        `${JSON.stringify({ permissions: { openapi: [...openapi] } }, null, 2)}\n`,
      );
  }
  return [...FUNCTIONS];
}

if (require.main === module) {
  buildFunctions()
    .then((fns) => console.log(`已构建云函数：${fns.join(', ')} → ${path.relative(ROOT, FUNCTIONS_DIR)}/`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
