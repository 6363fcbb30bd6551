import fs from 'node:fs';
import { parse } from 'csv-parse';
import { REQUIRED_COLUMNS, type CensusRecord } from '../areas/outlets';

export interface CensusFile {
  size: number;
  /** Bytes parsed so far, for progress. */
  bytesRead(): number;
  rows: AsyncIterable<{ line: number; record: CensusRecord }>;
}

/** Streams a census CSV (UTF-8, optional BOM, header first); a missing required column fails at once. */
export function readCensusFile(file: string): CensusFile {
  const size = fs.statSync(file).size;
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
        if (missing.length) throw new Error(`表头缺少必填列：${missing.join(', ')}`);
        return names;
      },
    }),
  );
  async function* rows() {
    for await (const { record, info } of parser as AsyncIterable<{ record: CensusRecord; info: { lines: number } }>)
      yield { line: info.lines, record };
  }
  return { size, bytesRead: () => parser.info.bytes, rows: rows() };
}
