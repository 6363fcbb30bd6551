import { readAll, type Store } from '../../store/port';
import { demandRisk, outletRatingRisks, overdueReviews } from './evaluate';
import { LOW_SCORE, MIN_RATINGS } from './rules';

/**
 * The daily pass over the rules that also follow events: outlets waiting too long for review, low scores, demand
 * piling up in a community. Raising is idempotent, so running it twice raises nothing new.
 */
export async function evaluateDaily(store: Store, now: Date): Promise<number> {
  let raised = await overdueReviews(store, now);
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
