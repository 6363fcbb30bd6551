import {
  CATEGORIES,
  CATEGORY_BY_ID,
  DEMAND_STATUSES,
  OUTLET_STATUSES,
  TIER_NAMES,
  type CategoryTier,
  type Dashboard,
  type DemandReport,
} from '../../../types';
import { readAll, type Store, type Where } from '../../store/port';

const TIERS = [...new Set(CATEGORIES.map((c) => c.tier))] as CategoryTier[];

/** Outlets by review status, and approved outlets by category tier (an outlet counts once per tier): counts only. */
export async function outletFigures(store: Store, street: string | null): Promise<Dashboard['outlets']> {
  const where = (status: string, extra: Where = {}): Where =>
    street ? { streetCode: street, status, ...extra } : { status, ...extra };
  const [counts, tiers] = await Promise.all([
    Promise.all(OUTLET_STATUSES.map((s) => store.count('outlets', where(s)))),
    Promise.all(
      TIERS.map((tier) =>
        store.count(
          'outlets',
          where('approved', { categories: { anyOf: CATEGORIES.filter((c) => c.tier === tier).map((c) => c.id) } }),
        ),
      ),
    ),
  ]);
  return {
    byStatus: OUTLET_STATUSES.map((status, i) => ({ status, count: counts[i] })),
    byTier: TIERS.map((tier, i) => ({ tier, name: TIER_NAMES[tier], count: tiers[i] })),
  };
}

export function demandFigures(reports: DemandReport[]): Dashboard['demand'] {
  const byCategory = new Map<string, number>();
  for (const r of reports) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
  return {
    byCategory: [...byCategory]
      .map(([category, count]) => ({
        category: category as DemandReport['category'],
        name: CATEGORY_BY_ID[category as DemandReport['category']]?.name ?? category,
        count,
      }))
      .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
    byStatus: DEMAND_STATUSES.map((status) => ({ status, count: reports.filter((r) => r.status === status).length })),
  };
}

/** Stars of the visible ratings, from each outlet's aggregate. */
export async function ratingFigures(store: Store, street: string | null): Promise<Dashboard['ratings']> {
  const all = await readAll(store, 'outletRatings');
  const out: Dashboard['ratings'] = [0, 0, 0, 0, 0];
  for (const r of all) if (!street || r.streetCode === street) r.histogram.forEach((n, i) => (out[i] += n));
  return out;
}

/** Events of this (Beijing) year that have ended, not cancelled, and the people checked in at them. */
export async function eventFigures(
  store: Store,
  street: string | null,
  now: Date,
  year: number,
): Promise<Dashboard['events']> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const range = { gte: from, lte: now.toISOString() };
  const events = await readAll(store, 'events', street ? { streetCode: street, startAt: range } : { startAt: range });
  const held = events.filter((e) => e.status !== 'cancelled' && e.endAt <= now.toISOString());
  return {
    year,
    held: held.length,
    reached: held.reduce((n, e) => n + e.checkedInCount, 0),
  };
}

/** Surveys aimed at the district or at the street (or all of them for the district), and their answers. */
export async function surveyFigures(store: Store, street: string | null): Promise<Dashboard['surveys']> {
  const all = await readAll(store, 'surveys');
  const mine = street
    ? all.filter((s) => s.target.kind === 'district' || ('streetCode' in s.target && s.target.streetCode === street))
    : all;
  return { count: mine.length, answers: mine.reduce((n, s) => n + s.answerCount, 0) };
}
