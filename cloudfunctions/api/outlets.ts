import { z } from 'zod';
import {
  CATEGORIES,
  OUTLET_STATUSES,
  PAYMENT_METHODS,
  SERVICES,
  type CategoryId,
  type OutletView,
  type Page,
  type Req,
} from '../../types';
import { PRIOR_MEAN } from '../core/ratings';
import { AppError } from '../core/errors';
import { isOpenAt } from '../core/hours';
import { canManageStreet } from '../core/policy';
import { reachMeters } from '../core/reach';
import { type Store, type Where } from '../store/port';
import { refreshAround } from './coverage-model';
import { transition } from './outlet-review';
import { outletDetail, outletView, ratingsOf } from './outlet-view';
import { defineRouter } from './router';
import { cursor, lat, lng, streetCode } from './schemas';

/** Pages of nearby outlets hold at most this many. */
export const NEARBY_PAGE = 50;
/** The ten-minute circle. */
export const DEFAULT_MINUTES = 10;

const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
const instant = z.union([
  z.literal('now'),
  z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-11-28T07:00:00+08:00' }),
]);

export const nearbyInput = z.object({
  lng,
  lat,
  minutes: z.number().int().min(1).max(30).default(DEFAULT_MINUTES),
  categories: z.array(z.enum(categoryIds)).max(CATEGORIES.length).optional(),
  /** Only outlets open at this instant ('now' for the current time); open state is evaluated in Beijing time. */
  openAt: instant.optional(),
  services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
  payment: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length).optional(),
  accessible: z.boolean().optional(),
  cursor: cursor.optional(),
  /** 'score': the best rated of the nearest 200 first (one page, no cursor); default: nearest first. */
  sort: z.enum(['distance', 'score']).optional(),
});

/** Approved outlets only: the filters a nearby request turns into store conditions. */
export function nearbyWhere(input: Req<'outlets.nearby'>): Where {
  const where: Where = { status: 'approved' };
  if (input.categories?.length) where.categories = { anyOf: input.categories };
  if (input.services?.length) where.services = { allOf: input.services };
  if (input.payment?.length) where.payment = { allOf: input.payment };
  if (input.accessible) where.accessible = true;
  return where;
}

/** The best rated of the nearest outlets (Bayesian score, then distance): one page. */
async function byScore(input: Req<'outlets.nearby'>, at: Date, store: Store): Promise<Page<OutletView>> {
  const hits = (
    await store.nearby('outlets', {
      center: [input.lng, input.lat],
      maxMeters: reachMeters(input.minutes ?? DEFAULT_MINUTES),
      where: nearbyWhere(input),
      limit: 200,
      accept: (o) => !input.openAt || (!o.temporarilyClosed && isOpenAt(o.hours, at)),
    })
  ).items;
  const scores = await ratingsOf(
    store,
    hits.map((h) => h.id),
  );
  const bayes = (id: string) => scores.get(id)?.bayes ?? PRIOR_MEAN;
  const sorted = [...hits].sort((a, b) => bayes(b.id) - bayes(a.id) || a.meters - b.meters || (a.id < b.id ? -1 : 1));
  return {
    items: sorted.slice(0, NEARBY_PAGE).map((h) => outletView(h.doc, at, h.meters, scores.get(h.id) ?? null)),
    nextCursor: null,
  };
}

/** Outlets: what is near a point within a walk, one outlet's page, and search by name. */
export const outletsRouter = defineRouter('outlets', {
  /**
   * Approved outlets within `minutes` of walking, nearest first (ties by id), in pages of 50, answered from the
   * spatial index. With `openAt`, only those open then.
   */
  nearby: {
    input: nearbyInput,
    access: 'public',
    handler: async (input, { store, now }) => {
      const at = input.openAt && input.openAt !== 'now' ? new Date(input.openAt) : now();
      if (input.sort === 'score') return byScore(input, at, store);
      const page = await store.nearby('outlets', {
        center: [input.lng, input.lat],
        maxMeters: reachMeters(input.minutes ?? DEFAULT_MINUTES),
        where: nearbyWhere(input),
        cursor: input.cursor,
        limit: NEARBY_PAGE,
        accept: input.openAt ? (o) => !o.temporarilyClosed && isOpenAt(o.hours, at) : undefined,
      });
      const scores = await ratingsOf(
        store,
        page.items.map((h) => h.id),
      );
      return {
        items: page.items.map((h) => outletView(h.doc, at, h.meters, scores.get(h.id) ?? null)),
        nextCursor: page.nextCursor,
      };
    },
  },

  get: {
    input: z.object({ id: z.string().min(1).max(64) }),
    access: 'public',
    handler: async ({ id }, { store, now }) => {
      const outlet = await store.get('outlets', id);
      if (!outlet || outlet.status !== 'approved')
        throw new AppError('NOT_FOUND', '未找到该网点，可能已停业或未通过审核', 'id');
      return outletDetail(outlet, now(), await store.get('outletRatings', id));
    },
  },

  /**
   * A worker of the outlet's street or an admin approves, suspends, closes or returns an outlet to review.
   * The communities it reaches get their coverage recomputed at once, so the next report shows the change.
   */
  setStatus: {
    input: z.object({
      id: z.string().min(1).max(64),
      status: z.enum(OUTLET_STATUSES),
      reason: z.string().trim().max(200).optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id, status, reason }, { store, user, now }) => {
      const updated = await store.transaction(async (tx) => {
        const outlet = await tx.get('outlets', id);
        if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'id');
        if (!canManageStreet(user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能管理本街道的网点');
        return transition(tx, outlet, status, 'reviewer', user.openid, now().toISOString(), reason ?? null);
      });
      await refreshAround(store, [updated.location.coordinates], now());
      return updated;
    },
  },

  search: {
    input: z.object({
      q: z.string().trim().min(1, { error: '请输入要搜索的名称' }).max(30),
      streetCode: streetCode.optional(),
      cursor: cursor.optional(),
    }),
    access: 'public',
    handler: async ({ q, streetCode: street, cursor: after }, { store, now }) => {
      const where: Where = { status: 'approved', name: { contains: q } };
      if (street) where.streetCode = street;
      const page = await store.query('outlets', {
        where,
        orderBy: { field: 'name' },
        cursor: after,
        limit: NEARBY_PAGE,
      });
      const at = now();
      const scores = await ratingsOf(
        store,
        page.items.map((o) => o.id),
      );
      return {
        items: page.items.map((o) => outletView(o, at, null, scores.get(o.id) ?? null)),
        nextCursor: page.nextCursor,
      };
    },
  },
});
