import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS } from '../../types';

const ROOT = path.resolve(__dirname, '../..');

/** The source files esbuild puts into a function's bundle. */
async function bundledFiles(fn: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'cloudfunctions/functions', fn, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    external: ['@cloudbase/node-sdk'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const areaOf = (file: string) => /cloudfunctions\/areas\/([^/]+)\//.exec(file)?.[1] ?? null;

describe('each cloud function carries its own area only', () => {
  it('leaves the events area (router and use cases) out of the geo bundle', async () => {
    const files = await bundledFiles('geo');
    expect(files.some((f) => f.includes('cloudfunctions/areas/geo/router.ts'))).toBe(true);
    expect(files.filter((f) => f.includes('cloudfunctions/areas/events/'))).toEqual([]);
  });

  it('bundles no other area’s router, no SQLite and no local server into any function', async () => {
    for (const fn of FUNCTIONS) {
      const files = await bundledFiles(fn);
      const routers = files.filter((f) => /cloudfunctions\/areas\/[^/]+\/router\.ts$/.test(f)).map(areaOf);
      expect(routers).toEqual([fn]);
      expect(files.filter((f) => /store\/sqlite|cloudfunctions\/local\/|better-sqlite3/.test(f))).toEqual([]);
    }
  }, 60000);
});
