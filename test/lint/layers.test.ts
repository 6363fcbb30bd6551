import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

/** Runs the project's layer rules over a small tree of files written for the case; answers the violations. */
function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  fs.copyFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.' } }));
  for (const folder of ['cloudfunctions', 'src', 'types']) fs.mkdirSync(path.join(dir, folder));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const r = spawnSync(
    DEPCRUISE,
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'cloudfunctions', 'src', 'types'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const STORE = { 'cloudfunctions/store/sqlite/SqliteStore.ts': 'export const x = 1;\n' };
const EVENTS = {
  'cloudfunctions/areas/events/join.ts': 'export const join = 1;\n',
  'cloudfunctions/areas/events/index.ts': "export { join } from './join';\n",
};

describe('the layers are enforced by the lint step of npm test', () => {
  it('fails when a core file imports the SQLite adapter', () => {
    const r = cruise({ ...STORE, 'cloudfunctions/core/geo.ts': "import '../store/sqlite/SqliteStore';\n" });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('core-is-pure');
  });

  it("fails when coverage imports the events area's join.ts, and passes through its index.ts", () => {
    const bad = cruise({ ...EVENTS, 'cloudfunctions/areas/coverage/report.ts': "import '../events/join';\n" });
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('areas-through-index');
    const good = cruise({ ...EVENTS, 'cloudfunctions/areas/coverage/report.ts': "import '../events';\n" });
    expect(good.status).toBe(0);
  });

  it('fails when the app imports a cloud function, or when two modules import each other', () => {
    const app = cruise({ ...STORE, 'src/pages/x.ts': "import '../../cloudfunctions/store/sqlite/SqliteStore';\n" });
    expect(app.out).toContain('app-uses-the-contract-only');
    const cycle = cruise({
      'cloudfunctions/core/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'cloudfunctions/core/b.ts': "import { a } from './a';\nexport const b = a;\n",
    });
    expect(cycle.status).not.toBe(0);
    expect(cycle.out).toContain('no-cycles');
  });
});
