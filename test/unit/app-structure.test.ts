import fs from 'node:fs';
import path from 'node:path';
import { PALETTE, PALETTE_SCSS } from '@/styles/palette';

/** The app's house rules, read from its sources: one theme, scoped page styles, one way to reach each platform API. */

const SRC = path.resolve(__dirname, '../../src');
const THEME = path.join(SRC, 'styles/theme.scss');
const PALETTE_TS = path.join(SRC, 'styles/palette.ts');

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}
const rel = (p: string) => path.relative(SRC, p);
const code = files(SRC, /\.(ts|tsx)$/);
const styles = files(SRC, /\.scss$/);
const read = (p: string) => fs.readFileSync(p, 'utf8');

/** Top-level selectors of a stylesheet (rules not nested in another). */
function topLevelSelectors(scss: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let pending = '';
  const text = scss.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const ch of text) {
    if (ch === '{') {
      if (depth === 0 && !pending.trim().startsWith('@')) out.push(...pending.split(',').map((s) => s.trim()));
      depth++;
      pending = '';
    } else if (ch === '}') {
      depth--;
      pending = '';
    } else if (ch === ';' && depth === 0) pending = '';
    else pending += ch;
  }
  return out.filter(Boolean);
}

describe('one theme file', () => {
  it('holds every colour: no hex literal anywhere else in the app', () => {
    const offenders = [...code, ...styles]
      .filter((p) => p !== THEME && p !== PALETTE_TS)
      .flatMap((p) => (read(p).match(/#[0-9a-fA-F]{3,8}\b/g) ?? []).map((hex) => `${rel(p)}: ${hex}`));
    expect(offenders).toEqual([]);
  });

  it('and the few colours code needs (tab bar, maps) are the same values as the theme', () => {
    const theme = read(THEME);
    for (const [name, variable] of Object.entries(PALETTE_SCSS)) {
      const value = new RegExp(`^\\${variable}:\\s*(#[0-9a-fA-F]{6})`, 'm').exec(theme)?.[1];
      expect({ name, value: value?.toLowerCase() }).toEqual({ name, value: PALETTE[name as keyof typeof PALETTE] });
    }
  });

  it('gives every font size through a theme variable', () => {
    const offenders = styles
      .filter((p) => p !== THEME)
      .flatMap((p) => (read(p).match(/font-size:\s*[0-9.]+px/g) ?? []).map((m) => `${rel(p)}: ${m}`));
    expect(offenders).toEqual([]);
  });
});

describe('page stylesheets', () => {
  const globals = new Set(
    topLevelSelectors(read(path.join(SRC, 'app.scss')))
      .flatMap((s) => s.match(/\.[a-z][\w-]*/g) ?? [])
      .map((c) => c.slice(1)),
  );

  it('nest every rule under the page root class that the page gives its Page wrapper', () => {
    const pages = styles.filter((p) => /\/(pages|subpackages)\//.test(p));
    expect(pages.length).toBeGreaterThan(15);
    const offenders: string[] = [];
    for (const scss of pages) {
      const tsx = path.join(path.dirname(scss), 'index.tsx');
      const root = /<Page name='([\w-]+)'/.exec(read(tsx))?.[1];
      expect({ page: rel(tsx), root: root ?? null }).toEqual({ page: rel(tsx), root: expect.any(String) });
      for (const sel of topLevelSelectors(read(scss)))
        if (!sel.startsWith(`.${root}`)) offenders.push(`${rel(scss)}: ${sel}`);
    }
    expect(offenders).toEqual([]);
  });

  it('and no component stylesheet redefines a global class at top level', () => {
    const offenders = styles
      .filter((p) => p.includes('/components/'))
      .flatMap((p) =>
        topLevelSelectors(read(p))
          .filter((sel) => globals.has(/^\.([\w-]+)/.exec(sel)?.[1] ?? ''))
          .map((sel) => `${rel(p)}: ${sel}`),
      );
    expect(offenders).toEqual([]);
  });
});

describe('one way to each platform service', () => {
  const outside = (pattern: RegExp, allowed: (p: string) => boolean) =>
    code.filter((p) => !allowed(p) && pattern.test(read(p))).map(rel);

  it('reaches the device (location, scan, phone, map, clipboard, photos) only through services/device.ts', () => {
    const device =
      /Taro\.(getLocation|scanCode|makePhoneCall|openLocation|setClipboardData|chooseImage|getAppBaseInfo|showModal)\b/;
    expect(outside(device, (p) => rel(p) === 'services/device.ts')).toEqual([]);
  });

  it('navigates and sets page titles only through services/navigation.ts', () => {
    const nav = /Taro\.(navigateTo|redirectTo|switchTab|navigateBack|reLaunch|setNavigationBarTitle)\b/;
    expect(outside(nav, (p) => rel(p) === 'services/navigation.ts')).toEqual([]);
  });

  it('asks who I am (auth.me) only in the session context, and pages never call the API directly', () => {
    expect(outside(/callCloud\(\s*'auth\.me'/, (p) => rel(p) === 'services/me.ts')).toEqual([]);
    expect(outside(/useAction\(\s*'auth\.me'/, () => false)).toEqual([]);
    expect(outside(/\bcallCloud\(/, (p) => /^(services|hooks)\//.test(rel(p)))).toEqual([]);
  });

  it('imports app modules through @/ instead of climbing folders', () => {
    const climbing = /from '\.\.\/\.\.\//;
    expect(outside(climbing, (p) => ['types/index.ts', 'services/time.ts'].includes(rel(p)))).toEqual([]);
  });

  it('does all date work through the one time module', () => {
    expect(outside(/toLocaleString|toLocaleDateString|8 \* 3600|480 \* 60|getTimezoneOffset/, () => false)).toEqual([]);
  });
});
