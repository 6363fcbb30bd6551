/**
 * `npx tsx scripts/weapp-ci-check.ts [dist]`: compiles the WeChat build with WeChat's official compiler
 * (miniprogram-ci), offline (local project attributes, a throwaway RSA key), then runs its code-quality check.
 * Prints one JSON line `{ compiledFiles, flagged }` and exits 0 when it compiled and nothing is flagged.
 * Runs in its own process: the compiler leaves a child process and a file watcher behind, hence `process.exit`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => object;
  DefaultProjectAttr: unknown;
  getCompiledResult(options: Record<string, unknown>, savePath: string): Promise<Record<string, unknown>>;
  checkCodeQuality(project: object): Promise<{ name: string; success: boolean; text: string }[]>;
}

export interface WeappCheck {
  compiledFiles: number;
  error?: string;
  flagged: string[];
}

async function check(dist: string): Promise<WeappCheck> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-ci-'));
  const privateKeyPath = path.join(dir, 'private.key');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: dist,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
    attr: async () => ci.DefaultProjectAttr,
  });
  let compiledFiles = 0;
  let error: string | undefined;
  try {
    const compiled = await ci.getCompiledResult(
      {
        project,
        version: '0.0.0',
        setting: { es6: true, enhance: true, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true },
        onProgressUpdate: () => undefined,
      },
      path.join(dir, 'compiled.zip'),
    );
    compiledFiles = Object.keys(compiled).length;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const flagged = (await ci.checkCodeQuality(project))
    .filter((item) => !item.success)
    .map((item) => `${item.name}: ${item.text}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return { compiledFiles, ...(error ? { error } : {}), flagged };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  check(dist).then(
    (result) => {
      process.stdout.write(`\nWEAPP_CHECK ${JSON.stringify(result)}\n`);
      process.exit(result.error || result.flagged.length || !result.compiledFiles ? 1 : 0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(2);
    },
  );
}
