import type { CommunityCoverage, WeeklyHours } from '../../../types';
import { mergeIntervals as merge, openIntervals } from '../../core/coverage';
import type { DocReader, DocWriter } from '../../store/port';

/**
 * The compact coverage summary: what requests read instead of the full read model. Per located community and basic
 * category it keeps the nearest reaching outlet (for the minutes and the gaps) and only those farther ones that are
 * open at some moment of the week when every nearer one is closed — the only ones that can ever be the nearest open
 * outlet ("open at"). Opening hours are stored once in a table and referred to by number. It is one small document
 * (a few tens of KB for the whole district, against megabytes for the full model) that a process reads when the
 * coverage version changes.
 */
export interface CoverageSummary {
  computedAt: string | null;
  hours: WeeklyHours[];
  /** Community code → street code and, per category, `[outlet id, metres, index into hours]`, nearest first. */
  communities: Record<string, { street: string; categories: Record<string, [string, number, number][]> }>;
}

export const SUMMARY_KEY = 'coverageSummary';
const WEEK = 7 * 1440;

/** Whether every interval of `part` lies inside the merged intervals of `whole`. */
function covered(part: [number, number][], whole: [number, number][]): boolean {
  return part.every(([s, e]) => whole.some(([ws, we]) => ws <= s && e <= we));
}

/** A summary builder: adds communities' full coverage, sharing the hours table. */
export class SummaryBuilder {
  private readonly hoursIndex = new Map<string, number>();
  private readonly intervals: [number, number][][] = [];
  readonly summary: CoverageSummary;

  constructor(base?: CoverageSummary) {
    this.summary = base
      ? { computedAt: base.computedAt, hours: [...base.hours], communities: { ...base.communities } }
      : { computedAt: null, hours: [], communities: {} };
    this.summary.hours.forEach((h, i) => {
      this.hoursIndex.set(JSON.stringify(h.week), i);
      this.intervals.push(openIntervals(h));
    });
  }

  private indexOf(hours: WeeklyHours): number {
    const key = JSON.stringify(hours.week);
    let i = this.hoursIndex.get(key);
    if (i === undefined) {
      i = this.summary.hours.length;
      this.summary.hours.push({ week: hours.week, holidayNote: null });
      this.intervals.push(openIntervals(hours));
      this.hoursIndex.set(key, i);
    }
    return i;
  }

  add(doc: CommunityCoverage): void {
    const categories: Record<string, [string, number, number][]> = {};
    for (const [cat, reaching] of Object.entries(doc.categories)) {
      const kept: [string, number, number][] = [];
      let union: [number, number][] = [];
      for (const r of reaching) {
        const h = this.indexOf(r.hours);
        const open = this.intervals[h];
        // The nearest is always kept; a farther one only when it is open while every nearer one is closed.
        if (kept.length > 0 && covered(open, union)) continue;
        kept.push([r.id, r.meters, h]);
        union = merge([...union, ...open]);
        if (union.length === 1 && union[0][0] === 0 && union[0][1] === WEEK) break;
      }
      categories[cat] = kept;
    }
    this.summary.communities[doc.communityCode] = { street: doc.streetCode, categories };
    if (!this.summary.computedAt || doc.computedAt > this.summary.computedAt) this.summary.computedAt = doc.computedAt;
  }
}

export function summarize(docs: Iterable<CommunityCoverage>): CoverageSummary {
  const b = new SummaryBuilder();
  for (const d of docs) b.add(d);
  return b.summary;
}

export async function readSummary(store: DocReader): Promise<CoverageSummary | null> {
  const doc = await store.get('meta', SUMMARY_KEY);
  return doc ? (JSON.parse(doc.value) as CoverageSummary) : null;
}

export async function writeSummary(store: DocWriter, summary: CoverageSummary, now: Date): Promise<void> {
  await store.set('meta', SUMMARY_KEY, { key: SUMMARY_KEY, value: JSON.stringify(summary), updatedAt: now.toISOString() });
}

/** The summary as the read model's shape (community → coverage), the hours shared from its table. */
export function expandSummary(summary: CoverageSummary): Map<string, CommunityCoverage> {
  const out = new Map<string, CommunityCoverage>();
  for (const [code, c] of Object.entries(summary.communities)) {
    const categories: CommunityCoverage['categories'] = {};
    for (const [cat, list] of Object.entries(c.categories))
      categories[cat] = list.map(([id, meters, h]) => ({ id, meters, hours: summary.hours[h] }));
    out.set(code, { communityCode: code, streetCode: c.street, categories, computedAt: summary.computedAt ?? '' });
  }
  return out;
}
