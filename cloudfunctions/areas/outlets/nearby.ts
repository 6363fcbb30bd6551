import type { OutletView, Page, Req } from '../../../types';
import { isOpenAt } from '../../core/hours';
import { PRIOR_MEAN } from '../../core/ratings';
import { reachMeters } from '../../core/reach';
import type { Outlet } from '../../../types';
import type { Ctx } from '../../router/define';
import type { Where } from '../../store/port';
import { outletView, ratingsOf } from './view';

/** Pages of nearby outlets hold at most this many. */
export const NEARBY_PAGE = 50;
/** The ten-minute circle. */
export const DEFAULT_MINUTES = 10;
/** `sort: 'score'` ranks this many nearest outlets. */
const SCORE_POOL = 200;

/** Approved outlets only: the filters a nearby request turns into store conditions. */
export function nearbyWhere(input: Req<'outlets.nearby'>): Where {
  const where: Where = { status: 'approved' };
  if (input.categories?.length) where.categories = { anyOf: input.categories };
  if (input.services?.length) where.services = { allOf: input.services };
  if (input.payment?.length) where.payment = { allOf: input.payment };
  if (input.accessible) where.accessible = true;
  return where;
}

const openAtTest = (input: Req<'outlets.nearby'>, at: Date) =>
  input.openAt ? (o: Outlet) => !o.temporarilyClosed && isOpenAt(o.hours, at) : undefined;

/**
 * Approved outlets within `minutes` of walking, nearest first (ties by id), in pages of 50, answered from the
 * spatial index; with `openAt`, only those open then; with `sort: 'score'`, the best rated of the nearest 200.
 */
export async function nearbyOutlets({ store, now }: Ctx, input: Req<'outlets.nearby'>): Promise<Page<OutletView>> {
  const at = input.openAt && input.openAt !== 'now' ? new Date(input.openAt) : now();
  const score = input.sort === 'score';
  const page = await store.nearby('outlets', {
    center: [input.lng, input.lat],
    maxMeters: reachMeters(input.minutes ?? DEFAULT_MINUTES),
    where: nearbyWhere(input),
    cursor: score ? undefined : input.cursor,
    limit: score ? SCORE_POOL : NEARBY_PAGE,
    accept: openAtTest(input, at),
  });
  const scores = await ratingsOf(
    store,
    page.items.map((h) => h.id),
  );
  let hits = page.items;
  if (score) {
    const bayes = (id: string) => scores.get(id)?.bayes ?? PRIOR_MEAN;
    hits = [...hits]
      .sort((a, b) => bayes(b.id) - bayes(a.id) || a.meters - b.meters || (a.id < b.id ? -1 : 1))
      .slice(0, NEARBY_PAGE);
  }
  return {
    items: hits.map((h) => outletView(h.doc, at, h.meters, scores.get(h.id) ?? null)),
    nextCursor: score ? null : page.nextCursor,
  };
}
