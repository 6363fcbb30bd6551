import fs from 'node:fs';
import path from 'node:path';

const AREAS = path.resolve(__dirname, '../../cloudfunctions/areas');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('each area is a folder of small files with a thin router', () => {
  const all = files(AREAS).filter((f) => f.endsWith('.ts'));

  it('has a router and an index in every area folder', () => {
    for (const area of fs.readdirSync(AREAS)) {
      expect(fs.existsSync(path.join(AREAS, area, 'router.ts'))).toBe(true);
      expect(fs.existsSync(path.join(AREAS, area, 'index.ts'))).toBe(true);
    }
  });

  it('keeps every file under 250 lines', () => {
    const long = all.filter((f) => fs.readFileSync(f, 'utf8').split('\n').length > 250);
    expect(long.map((f) => path.relative(AREAS, f))).toEqual([]);
  });

  it('keeps loops and store calls out of routers: schemas, policy and wiring only', () => {
    for (const f of all.filter((x) => x.endsWith('router.ts'))) {
      const code = fs.readFileSync(f, 'utf8');
      expect({ file: path.relative(AREAS, f), loops: /\b(for|while)\s*\(|\.forEach\(/.test(code) }).toEqual({
        file: path.relative(AREAS, f),
        loops: false,
      });
      expect({ file: path.relative(AREAS, f), store: /\bstore\b|\btx\./.test(code) }).toEqual({
        file: path.relative(AREAS, f),
        store: false,
      });
    }
  });
});
