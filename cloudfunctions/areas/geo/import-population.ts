import type { Community, PopulationImportReport, Req } from '../../../types';
import { readCsvRows } from '../../core/csv-rows';
import { POPULATION_REQUIRED, validatePopulation } from '../../core/population-file';
import type { SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';
import type { ImportBy } from './import-locations';

const BATCH = 25;

/**
 * Households and population per community, stored on the community with where they come from, who and when.
 * Refused rows are reported by line and left out; a row that repeats the stored figures writes nothing.
 */
export async function importPopulation(
  store: Store,
  csv: string,
  { by, now, dryRun }: ImportBy,
): Promise<PopulationImportReport> {
  const rows = readCsvRows(csv, POPULATION_REQUIRED);
  const all = await readAll(store, 'communities');
  const byCode = new Map(all.map((c) => [c.code, c]));
  const checked = validatePopulation(rows, byCode);
  const at = now.toISOString();
  const changes: (Pick<Community, 'code'> & Partial<Community>)[] = [];
  let unchanged = 0;
  for (const row of checked.rows) {
    const c = byCode.get(row.code)!;
    if (c.population === row.population && (c.households ?? null) === row.households) {
      unchanged++;
      continue;
    }
    changes.push({
      code: c.code,
      households: row.households,
      population: row.population,
      populationSource: row.source,
      populationSetBy: by,
      populationSetAt: at,
    });
  }
  const written = !dryRun && changes.length > 0;
  if (written)
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = changes.slice(i, i + BATCH);
      await store.transaction(async (tx) => {
        for (const { code, ...patch } of batch) await tx.update('communities', code, patch);
      });
    }
  const changed = new Set(changes.map((c) => c.code));
  return {
    read: rows.length,
    updated: changes.length,
    unchanged,
    rejected: checked.rejected,
    warnings: checked.warnings,
    written,
    withFigure: all.filter((c) => changed.has(c.code) || (c.population ?? 0) > 0).length,
    total: all.length,
  };
}

/** Admin: the same import from the app, recorded as the admin's. */
export const importPopulationAction = (ctx: SignedInCtx, { csv, dryRun }: Req<'geo.importPopulation'>) =>
  importPopulation(ctx.store, csv, { by: ctx.openid, now: ctx.now(), dryRun });
