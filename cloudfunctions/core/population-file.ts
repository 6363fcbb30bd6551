import type { Community, ImportLine } from '../../types';
import type { CsvRow } from './csv-rows';
import { communityRowProblems } from './location-file';

/** Households and residents per community: `community_code,households,population[,source]`; households may be blank. */
export const POPULATION_REQUIRED = ['community_code', 'households', 'population'] as const;

export interface PopulationRow {
  line: number;
  code: string;
  households: number | null;
  population: number;
  source: string | null;
}

const count = (cell: string | undefined, max: number) =>
  cell !== undefined && /^\d+$/.test(cell) && Number(cell) <= max ? Number(cell) : null;

/**
 * Checks each row: a known community (once per file), residents a whole number of 1–200,000, households blank or a
 * whole number; warns when the persons per household fall outside 1–6 (a column swap is the usual cause).
 */
export function validatePopulation(
  rows: CsvRow[],
  communities: Map<string, Community>,
): { rows: PopulationRow[]; rejected: ImportLine[]; warnings: ImportLine[] } {
  const accepted: PopulationRow[] = [];
  const rejected: ImportLine[] = [];
  const warnings: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, record: r } of rows) {
    const code = r.community_code ?? '';
    const messages = communityRowProblems(r, line, communities, seen);
    const population = count(r.population, 200_000);
    if (!population) messages.push('population 应为 1–200000 的整数（居住人口）');
    const households = r.households ? count(r.households, 100_000) : null;
    if (r.households && households === null) messages.push('households 应为整数（户数），或留空');
    if ((r.source ?? '').length > 60) messages.push('source 不超过 60 字');
    if (messages.length) {
      rejected.push({ line, code: code || undefined, messages });
      continue;
    }
    accepted.push({ line, code, households, population: population!, source: r.source || null });
    if (households && (population! / households < 1 || population! / households > 6))
      warnings.push({
        line,
        code,
        messages: [`每户 ${(population! / households).toFixed(1)} 人，请核对户数与人口是否填反`],
      });
  }
  return { rows: accepted, rejected, warnings };
}
