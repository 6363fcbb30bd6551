import { z } from 'zod';
import type { OutletRatings, Rating } from '../../types';
import { AppError } from '../core/errors';
import { canManageStreet } from '../core/policy';
import {
  applyRating,
  EMPTY_AGGREGATE,
  hourBucket,
  needsModeration,
  RATE_LIMIT_PER_HOUR,
  REPORT_THRESHOLD,
} from '../core/ratings';
import { defineRouter } from './router';
import { cursor, streetCode } from './schemas';

export const ratingId = (outletId: string, openid: string) => `${outletId}_${openid}`;
const score = z.number().int().min(1).max(5);

/** What others may see of a rating: never a pending, hidden or removed text. */
const publicView = (r: Rating) => ({ ...r, openid: '' });

/** Ratings and reviews: one per person per outlet, Bayesian scores, moderation, reports and merchant replies. */
export const ratingsRouter = defineRouter('ratings', {
  /**
   * Rate an approved outlet; a new submission replaces the person's old one. The outlet's aggregate changes in
   * the same transaction. Text that needs moderation waits hidden for a worker.
   */
  submit: {
    input: z.object({
      outletId: z.string().min(1).max(64),
      stars: score,
      dimensions: z
        .object({
          quality: score.optional(),
          price: score.optional(),
          service: score.optional(),
          environment: score.optional(),
        })
        .optional(),
      text: z.string().trim().max(500, { error: '评价不超过 500 字' }).optional(),
    }),
    access: 'signedIn',
    handler: async (input, { store, user, now, contentCheck }) => {
      const at = now();
      const text = input.text ?? '';
      const flagged =
        !!text && (needsModeration(text) || (contentCheck ? await contentCheck(text, user.openid) : false));
      const status: Rating['status'] = flagged ? 'pending' : 'published';
      return store.transaction(async (tx) => {
        const outlet = await tx.get('outlets', input.outletId);
        if (!outlet || outlet.status !== 'approved') throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
        if (outlet.ownerOpenid === user.openid) throw new AppError('FORBIDDEN', '不能评价自己的网点');
        const limitId = `${user.openid}_${hourBucket(at)}`;
        const limit = (await tx.get('rateLimits', limitId)) ?? { id: limitId, count: 0 };
        if (limit.count >= RATE_LIMIT_PER_HOUR) throw new AppError('RATE_LIMITED', '评价太频繁，请一小时后再试');
        const id = ratingId(outlet.id, user.openid);
        const previous = await tx.get('ratings', id);
        const agg = (await tx.get('outletRatings', outlet.id)) ?? {
          ...EMPTY_AGGREGATE,
          outletId: outlet.id,
          streetCode: outlet.streetCode,
          updatedAt: '',
        };
        const next = applyRating(agg, previous ? previous.stars : null, input.stars);
        const rating: Rating = {
          id,
          outletId: outlet.id,
          streetCode: outlet.streetCode,
          openid: user.openid,
          nickname: user.nickname,
          stars: input.stars as Rating['stars'],
          dimensions: input.dimensions ?? {},
          text,
          status,
          reports: 0,
          reply: previous?.reply ?? null,
          createdAt: previous?.createdAt ?? at.toISOString(),
          updatedAt: at.toISOString(),
        };
        const aggregate: OutletRatings = {
          ...agg,
          ...next,
          outletId: outlet.id,
          streetCode: outlet.streetCode,
          updatedAt: at.toISOString(),
        };
        await tx.set('ratings', id, rating);
        await tx.set('outletRatings', outlet.id, aggregate);
        await tx.set('rateLimits', limitId, { id: limitId, count: limit.count + 1 });
        return { rating, aggregate, moderated: status === 'pending' };
      });
    },
  },

  /** An outlet's score and its published reviews, newest first. */
  list: {
    input: z.object({ outletId: z.string().min(1).max(64), cursor: cursor.optional() }),
    access: 'public',
    handler: async ({ outletId, cursor: after }, { store }) => {
      const aggregate = await store.get('outletRatings', outletId);
      const page = await store.query('ratings', {
        where: { outletId, status: 'published' },
        orderBy: { field: 'updatedAt', direction: 'desc' },
        cursor: after,
        limit: 20,
      });
      return { aggregate, items: page.items.map(publicView), nextCursor: page.nextCursor };
    },
  },

  /** My ratings (of one outlet, or all), whatever their state. */
  mine: {
    input: z.object({ outletId: z.string().min(1).max(64).optional() }),
    access: 'signedIn',
    handler: async ({ outletId }, { store, openid }) => {
      if (outletId) {
        const r = await store.get('ratings', ratingId(outletId, openid));
        return r ? [r] : [];
      }
      return (await store.query('ratings', { where: { openid }, limit: 100 })).items;
    },
  },

  /** Report a review (举报): once per person; after the threshold it hides until a worker decides. */
  report: {
    input: z.object({ ratingId: z.string().min(1).max(140), reason: z.string().trim().max(200).optional() }),
    access: 'signedIn',
    handler: async ({ ratingId: id, reason }, { store, openid, now }) =>
      store.transaction(async (tx) => {
        const r = await tx.get('ratings', id);
        if (!r || r.status === 'removed') throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
        if (r.openid === openid) throw new AppError('FORBIDDEN', '不能举报自己的评价');
        const reportId = `${id}_${openid}`;
        if (await tx.get('ratingReports', reportId))
          return { reports: r.reports, hidden: r.status === 'hidden', alreadyReported: true };
        await tx.set('ratingReports', reportId, {
          id: reportId,
          ratingId: id,
          openid,
          reason: reason ?? null,
          at: now().toISOString(),
        });
        const reports = r.reports + 1;
        const status = r.status === 'published' && reports >= REPORT_THRESHOLD ? 'hidden' : r.status;
        await tx.set('ratings', id, { ...r, reports, status });
        return { reports, hidden: status === 'hidden', alreadyReported: false };
      }),
  },

  /** Reviews waiting for a worker: flagged text and reported reviews of the worker's street. */
  queue: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ streetCode: asked }, { store, user }) => {
      const street = user.role === 'admin' ? asked : user.scope?.kind === 'street' ? user.scope.streetCode : undefined;
      if (user.role !== 'admin' && !street) throw new AppError('FORBIDDEN', '社区工作者不审核评价，请联系街道');
      const page = await store.query('ratings', {
        where: { status: { in: ['pending', 'hidden'] }, ...(street ? { streetCode: street } : {}) },
        limit: 100,
      });
      return page.items;
    },
  },

  /** Publish or remove a waiting review (worker of the outlet's street, admin). */
  moderate: {
    input: z.object({ ratingId: z.string().min(1).max(140), decision: z.enum(['publish', 'remove']) }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ ratingId: id, decision }, { store, user, now }) =>
      store.transaction(async (tx) => {
        const r = await tx.get('ratings', id);
        if (!r) throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
        if (!canManageStreet(user, r.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道网点的评价');
        const next: Rating = {
          ...r,
          status: decision === 'publish' ? 'published' : 'removed',
          reports: decision === 'publish' ? 0 : r.reports,
          updatedAt: now().toISOString(),
        };
        await tx.set('ratings', id, next);
        return next;
      }),
  },

  /** The outlet's merchant replies once to a review (and may edit the reply). */
  reply: {
    input: z.object({
      ratingId: z.string().min(1).max(140),
      text: z.string().trim().min(1, { error: '请填写回复' }).max(300),
    }),
    access: 'signedIn',
    handler: async ({ ratingId: id, text }, { store, openid, now }) => {
      if (needsModeration(text))
        throw new AppError('INVALID_INPUT', '参数 text 有误：回复含有不宜公开的内容，请修改', 'text');
      return store.transaction(async (tx) => {
        const r = await tx.get('ratings', id);
        if (!r) throw new AppError('NOT_FOUND', '未找到该评价', 'ratingId');
        const outlet = await tx.get('outlets', r.outletId);
        if (!outlet || outlet.ownerOpenid !== openid) throw new AppError('FORBIDDEN', '只能回复自己网点的评价');
        const next: Rating = { ...r, reply: { text, at: now().toISOString() } };
        await tx.set('ratings', id, next);
        return next;
      });
    },
  },
});
