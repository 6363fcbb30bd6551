import type { Community } from '../../../../types';
import { readAll, type Store } from '../../../store/port';
import { censusOutletId, validateCensusRow, type CensusContext, type CensusRecord } from './validate';

export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  rejected: { line: number; reasons: string[] }[];
}

/** Loads the streets and communities a census row is checked against. */
export async function censusContext(store: Store): Promise<CensusContext> {
  const streets = new Map((await readAll(store, 'streets')).map((s) => [s.code, s]));
  const communities = new Map<string, Community>((await readAll(store, 'communities')).map((c) => [c.code, c]));
  return { streets, communities };
}

/**
 * Imports census rows: each is validated; valid rows are written in transactions of `batch` by their stable id
 * (so a second import updates rather than duplicates); a rejected row writes nothing and is reported with its
 * line number and reasons. A census id that appears twice in one file is refused the second time.
 */
export async function importCensus(
  store: Store,
  rows: AsyncIterable<{ line: number; record: CensusRecord }> | Iterable<{ line: number; record: CensusRecord }>,
  now: Date,
  onBatch: (report: ImportReport) => void = () => undefined,
  batch = 50,
): Promise<ImportReport> {
  const ctx = await censusContext(store);
  const report: ImportReport = { read: 0, created: 0, updated: 0, rejected: [] };
  const seen = new Map<string, number>();
  let pending: { line: number; record: CensusRecord }[] = [];

  const flush = async () => {
    const rowsNow = pending;
    pending = [];
    const outcome = await store.transaction(async (tx) => {
      const result = { created: 0, updated: 0, rejected: [] as ImportReport['rejected'] };
      for (const { line, record } of rowsNow) {
        const id = censusOutletId(record.census_id?.trim() ?? '');
        const existing = record.census_id ? await tx.get('outlets', id) : null;
        const v = validateCensusRow(record, ctx, now, existing);
        if ('errors' in v) {
          result.rejected.push({ line, reasons: v.errors });
          continue;
        }
        await tx.set('outlets', v.outlet.id, v.outlet);
        if (existing) result.updated++;
        else result.created++;
      }
      return result;
    });
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.rejected.push(...outcome.rejected);
    onBatch(report);
  };

  for await (const row of rows) {
    report.read++;
    const key = row.record.census_id?.trim();
    if (key && seen.has(key)) {
      report.rejected.push({ line: row.line, reasons: [`census_id “${key}”与第 ${seen.get(key)} 行重复`] });
      continue;
    }
    if (key) seen.set(key, row.line);
    pending.push(row);
    if (pending.length >= batch) await flush();
  }
  if (pending.length) await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
