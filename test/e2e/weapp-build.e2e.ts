import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROUTES } from '../../src/constants/routes';
import { SHARE_IMAGES } from '../../src/constants/share';
import type { WeappCheck } from '../../scripts/weapp-ci-check';

const ROOT = path.resolve(__dirname, '../..');

function buildWeapp(env: Record<string, string> = {}): string {
  const r = spawnSync('npm', ['run', 'build:weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  expect(r.status).toBe(0);
  return fs.readFileSync(path.join(ROOT, 'dist/common.js'), 'utf8');
}

describe('the WeChat build', () => {
  it('bakes a configured CloudBase environment into the app, which then calls the cloud functions', () => {
    const code = buildWeapp({ TARO_APP_CLOUD_ENV: 'xicheng-test-env' });
    expect(code).toContain('"xicheng-test-env"');
    expect(code).toContain('callFunction');
  }, 120000);

  it('writes dist/app.json listing every page, declares the location API, and leaves no process.env behind', () => {
    const code = buildWeapp();
    // A mini-program has no `process`: every environment value must be replaced at build time.
    expect(code).not.toContain('process.env');
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: { root: string; pages: string[] }[];
      tabBar: { list: { pagePath: string; iconPath: string }[] };
      requiredPrivateInfos: string[];
      permission: Record<string, { desc: string }>;
    };
    const built = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(built.sort()).toEqual(Object.values(ROUTES).sort());
    for (const page of built) expect(fs.existsSync(path.join(ROOT, 'dist', `${page}.wxml`))).toBe(true);
    // Tab pages must live in the main package, and their icons must be in the build.
    for (const tab of app.tabBar.list) {
      expect(app.pages).toContain(tab.pagePath);
      expect(fs.existsSync(path.join(ROOT, 'dist', tab.iconPath))).toBe(true);
    }
    expect(app.requiredPrivateInfos).toContain('getLocation');
    // The map picker's 搜索地点 (WeChat's own place picker).
    expect(app.requiredPrivateInfos).toContain('chooseLocation');
    // WeChat refuses a main package or a subpackage over 2 MB.
    const size = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
        const p = path.join(dir, e.name);
        return n + (e.isDirectory() ? size(p) : fs.statSync(p).size);
      }, 0);
    const subs = (app.subPackages ?? []).map((p) => size(path.join(ROOT, 'dist', p.root)));
    const main = size(path.join(ROOT, 'dist')) - subs.reduce((a, b) => a + b, 0);
    expect(main).toBeLessThan(2 * 1024 * 1024);
    for (const sub of subs) expect(sub).toBeLessThan(2 * 1024 * 1024);
    expect(app.permission['scope.userLocation'].desc).toBeTruthy();
  }, 120000);

  it('passes WeChat’s own compiler offline and its code-quality check, and ships no ES2017+ syntax', () => {
    buildWeapp();
    const dist = path.join(ROOT, 'dist');
    const offending = jsFiles(dist).flatMap((file) =>
      modernSyntax(fs.readFileSync(file, 'utf8')).map((what) => `${path.relative(dist, file)}: ${what}`),
    );
    expect(offending).toEqual([]);

    const settings = (JSON.parse(fs.readFileSync(path.join(dist, 'project.config.json'), 'utf8')) as ProjectConfig)
      .setting;
    // The upload settings WeChat applies: minified JS, WXML and WXSS, compiled down to ES5.
    expect(settings).toMatchObject({ es6: true, enhance: true, minified: true, minifyWXML: true, minifyWXSS: true });
    // WeChat's compiler in its own process (it leaves a child process and a watcher behind).
    const r = spawnSync('npx', ['tsx', 'scripts/weapp-ci-check.ts', dist], { cwd: ROOT, encoding: 'utf8' });
    const line = r.stdout.split('\n').find((l) => l.startsWith('WEAPP_CHECK '));
    expect(line).toBeDefined();
    const result = JSON.parse(line!.slice('WEAPP_CHECK '.length)) as WeappCheck;
    expect(result.error).toBeUndefined();
    expect(result.compiledFiles).toBeGreaterThan(0);
    expect(result.flagged).toEqual([]);
    expect(r.status).toBe(0);
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { lazyCodeLoading?: string };
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  }, 300000);

  it('the syntax check itself finds ?., ??, async functions, class fields and catch without a binding', () => {
    expect(modernSyntax('var a = b?.c; var d = e ?? f;')).toEqual(['?.', '??']);
    expect(modernSyntax('async function g() {} class H { x = 1 } try {} catch {}')).toEqual([
      'async function',
      'class field',
      'catch {}',
    ]);
    expect(modernSyntax('var o = { ...p }; for (var i = 0; i < 2; i++) {} function k() { return 2 ** 3; }')).toEqual([
      'object spread or rest',
    ]);
    expect(modernSyntax('var x = function () { return [1].map(function (y) { return y; }); };')).toEqual([]);
  });

  it('makes every shareable page share itself with its id: share enabled in its config, the share hook given its route and id', () => {
    buildWeapp();
    const built = (name: string) =>
      fs.readFileSync(path.join(ROOT, 'dist', `${ROUTES[name as keyof typeof ROUTES]}.js`), 'utf8');
    // Taro's page wrapper registers onShareAppMessage / onShareTimeline only for pages whose config enables them.
    expect(fs.readFileSync(path.join(ROOT, 'dist/taro.js'), 'utf8')).toContain('onShareAppMessage');
    for (const name of ['event', 'outlet', 'survey', 'circle'] as const) {
      const code = built(name);
      expect({ name, chat: code.includes('enableShareAppMessage:!0') }).toEqual({ name, chat: true });
      expect({ name, timeline: code.includes('enableShareTimeline:!0') }).toEqual({ name, timeline: true });
      // useShare(title, '<route>', { id }): the card's path is that page with the id the page was opened with.
      expect({ name, path: new RegExp(`,"${name}",\\{id:[\\w$]+\\}\\)`).test(code) }).toEqual({ name, path: true });
      // Its card image: a PNG copied into the build, named in the code that sets the card's imageUrl.
      const image = SHARE_IMAGES[name];
      const file = path.join(ROOT, 'dist', image);
      expect({ name, image: fs.existsSync(file) }).toEqual({ name, image: true });
      expect(fs.readFileSync(file).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(fs.statSync(file).size).toBeLessThan(40 * 1024);
      expect(allCode()).toContain(`"${image}"`);
    }
    expect(allCode()).toMatch(/imageUrl:/);
    // 一街一则 shares the street it shows.
    const guideline = built('guideline');
    expect(guideline).toContain('enableShareAppMessage:!0');
    expect(/,"guideline",\{streetCode:[\w$]+\}\)/.test(guideline)).toBe(true);
    // A page that is not shareable keeps WeChat's default (no share menu of its own).
    expect(built('messages')).not.toContain('enableShareAppMessage');
  }, 120000);

  it('asks for the configured subscription templates before 报名, 提交审核, 反映 and 订阅问卷', () => {
    const templates = {
      promoted: 'tmpl-weapp-promoted',
      reminder: 'tmpl-weapp-reminder',
      eventChanged: 'tmpl-weapp-changed',
      reviewResult: 'tmpl-weapp-review',
      demandReply: 'tmpl-weapp-demand',
      surveyInvite: 'tmpl-weapp-survey',
    };
    buildWeapp({ TARO_APP_TEMPLATES: JSON.stringify(templates) });
    const code = allCode();
    // The templates are baked into the build, and the device service asks WeChat with them.
    for (const id of Object.values(templates)) expect(code).toContain(id);
    expect(code).toContain('requestSubscribeMessage');
    // Each action's page asks for its kinds (what test/unit/subscription.test.ts checks the device service does).
    const asks: [keyof typeof ROUTES, string[]][] = [
      ['event', ['promoted', 'reminder', 'eventChanged']],
      ['merchantRegister', ['reviewResult']],
      ['demand', ['demandReply']],
      ['surveys', ['surveyInvite']],
    ];
    for (const [name, kinds] of asks) {
      const page = fs.readFileSync(path.join(ROOT, 'dist', `${ROUTES[name]}.js`), 'utf8');
      expect({ name, asks: page.includes(JSON.stringify(kinds)) }).toEqual({ name, asks: true });
    }
  }, 120000);
});

/** Every script of the WeChat build, together. */
function allCode(): string {
  return jsFiles(path.join(ROOT, 'dist'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

interface ProjectConfig {
  setting: Record<string, boolean>;
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

/** ES2017+ syntax in a script (as old phones' engines would refuse it), by TypeScript's parser; [] if none. */
function modernSyntax(code: string): string[] {
  const source = ts.createSourceFile('x.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = new Set<string>();
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length) found.add(`unparsable: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, ' ')}`);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) &&
      node.questionDotToken
    )
      found.add('?.');
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken) found.add('??');
      if (
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        op === ts.SyntaxKind.BarBarEqualsToken ||
        op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
      )
        found.add('logical assignment');
    }
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
      found.add('async function');
    if (ts.isPropertyDeclaration(node) || ts.isClassStaticBlockDeclaration(node) || ts.isPrivateIdentifier(node))
      found.add('class field');
    if (ts.isCatchClause(node) && !node.variableDeclaration) found.add('catch {}');
    if (
      ts.isSpreadAssignment(node) ||
      (ts.isBindingElement(node) && node.dotDotDotToken && ts.isObjectBindingPattern(node.parent))
    )
      found.add('object spread or rest');
    if (ts.isForOfStatement(node) && node.awaitModifier) found.add('for await');
    if (ts.isBigIntLiteral(node)) found.add('BigInt literal');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}
