import { addMinutes } from '../../../types/time';
import { readAll, type Store } from '../../store/port';
import { demandRisk, outletRatingRisks, overdueReviews, serviceGaps } from './evaluate';
import { LOW_SCORE, MIN_RATINGS } from './rules';

/** How far back the daily pass looks for suspensions and closures (a reaction that failed is caught up). */
const CATCH_UP_DAYS = 2;

/**
 * The daily pass over the rules that also follow events: services lost to outlets suspended or closed in the last
 * days, outlets waiting too long for review, low scores, demand piling up in a community. Raising is idempotent, so
 * running it twice raises nothing new.
 */
export async function evaluateDaily(store: Store, now: Date): Promise<number> {
  let raised = await overdueReviews(store, now);
  const since = addMinutes(now, -CATCH_UP_DAYS * 24 * 60);
  for (const o of await readAll(store, 'outlets', { status: { in: ['suspended', 'closed'] } }))
    if (o.updatedAt >= since)
      raised += await serviceGaps(store, o, { ...o, status: 'approved', temporarilyClosed: false }, now);
  for (const agg of await readAll(store, 'outletRatings'))
    if (agg.count >= MIN_RATINGS && agg.bayes < LOW_SCORE) raised += await outletRatingRisks(store, agg.outletId, now);
  for (const street of await readAll(store, 'streets')) {
    const open = (await readAll(store, 'demandReports', { streetCode: street.code })).filter(
      (r) => r.status !== 'resolved',
    );
    for (const communityCode of new Set(open.map((r) => r.communityCode)))
      raised += await demandRisk(store, { streetCode: street.code, communityCode }, now);
  }
  return raised;
}

/** The admin runs the daily pass now. */
export async function evaluateNow({ store, now }: { store: Store; now: () => Date }): Promise<{ raised: number }> {
  return { raised: await evaluateDaily(store, now()) };
}
