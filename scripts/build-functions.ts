/**
 * `npm run build:functions`: bundles each cloud function with esbuild into dist-functions/<fn>/ — index.js plus a
 * package.json whose only dependency is @cloudbase/node-sdk (installed by CloudBase on deploy). SQLite and the
 * local server never enter a bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS } from '../types';

const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_DIR = path.join(ROOT, 'dist-functions');
/** Packages the cloud installs instead of the bundle carrying them. */
const RUNTIME_DEPENDENCIES = ['@cloudbase/node-sdk'];

export async function buildFunctions(): Promise<string[]> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  fs.rmSync(FUNCTIONS_DIR, { recursive: true, force: true });
  for (const fn of FUNCTIONS) {
    const out = path.join(FUNCTIONS_DIR, fn);
    await build({
      entryPoints: [path.join(ROOT, 'cloudfunctions/functions', fn, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: RUNTIME_DEPENDENCIES,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const dependencies = Object.fromEntries(RUNTIME_DEPENDENCIES.map((d) => [d, pkg.dependencies[d]]));
    const manifest = { name: fn, version: pkg.version, private: true, main: 'index.js', dependencies };
    fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
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
