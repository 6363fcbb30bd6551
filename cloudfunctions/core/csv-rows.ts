import { parse } from 'csv-parse/sync';
import { AppError } from './errors';

/** One data row of an uploaded CSV file, with the line it ends on (the header is line 1). */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/**
 * Reads a small CSV file people made (UTF-8, optional BOM, header first). Lines starting with `#` are comments —
 * sample files say there that they are samples — and still count in line numbers, so a report's line is the line a
 * spreadsheet or an editor shows. A missing required column refuses the whole file, naming the column.
 */
export function readCsvRows(text: string, required: readonly string[]): CsvRow[] {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const missing = required.filter((c) => !names.includes(c));
        if (missing.length) throw new AppError('INVALID_INPUT', `表头缺少必填列：${missing.join(', ')}`, 'csv');
        return names;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const line = (err as { lines?: number }).lines;
    throw new AppError('INVALID_INPUT', `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}，请检查引号和逗号`, 'csv');
  }
  return parsed.map(({ record, info }) => ({ line: info.lines, record }));
}
