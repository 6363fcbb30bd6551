/**
 * What the three reference imports (`import:communities`, `import:circles`, `import:population`) share: the file
 * argument, the embedded store in DATA_DIR (default ./.data), who is importing, and how a report is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportLine } from '../types';
import { ensureSeeded } from '../cloudfunctions/local/main';
import { SqliteStore } from '../cloudfunctions/store/sqlite/SqliteStore';
import { ROOT } from './h5-build';

export interface ImportRun {
  csv: string;
  store: SqliteStore;
  /** `cli:<login>`: recorded as who set what the import writes. */
  by: string;
  dryRun: boolean;
}

export async function openImport(command: string): Promise<ImportRun> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error(`用法：npm run ${command} -- 文件.csv [--dry-run]`);
  const csv = fs.readFileSync(path.resolve(file), 'utf8');
  const store = SqliteStore.open(path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data')));
  // Streets and communities are needed to check rows; a store that gets real data gets no demo outlets.
  await ensureSeeded(store, 0);
  return { csv, store, by: `cli:${os.userInfo().username}`, dryRun: args.includes('--dry-run') };
}

export function printLines(title: string, lines: ImportLine[]): void {
  if (!lines.length) return;
  console.log(`${title}：`);
  for (const l of lines) console.log(`  第 ${l.line} 行${l.code ? `（${l.code}）` : ''}：${l.messages.join('；')}`);
}

export function runImport(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(`导入失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
