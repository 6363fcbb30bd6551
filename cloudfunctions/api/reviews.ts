import { z } from 'zod';
import type { Outlet, OutletStatus } from '../../types';
import { AppError } from '../core/errors';
import { canManageStreet } from '../core/policy';
import { STATUS_NAMES } from '../core/review';
import { readAll, refreshAround } from './coverage-model';
import { decideChanges, transition } from './outlet-review';
import { defineRouter } from './router';
import { cursor, streetCode } from './schemas';

const DECISIONS: Record<string, OutletStatus> = {
  approve: 'approved',
  reject: 'rejected',
  requestChanges: 'changes_requested',
  suspend: 'suspended',
  reinstate: 'approved',
  close: 'closed',
};

/** Review of merchants' outlets by a worker of the outlet's street or an admin. */
export const reviewsRouter = defineRouter('reviews', {
  /** New outlets and changes waiting, oldest first, of the reviewer's street (for an admin, every street). */
  queue: {
    input: z.object({ streetCode: streetCode.optional(), cursor: cursor.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ streetCode: asked, cursor: after }, { store, user }) => {
      const street = user.role === 'admin' ? asked : user.scope?.kind === 'street' ? user.scope.streetCode : null;
      if (user.role !== 'admin' && !street) throw new AppError('FORBIDDEN', '社区工作者不审核网点，请联系街道');
      if (asked && street && asked !== street) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
      const page = await store.query('outlets', {
        where: { needsReview: true, ...(street ? { streetCode: street } : {}) },
        orderBy: { field: 'updatedAt' },
        cursor: after,
        limit: 50,
      });
      return {
        items: page.items.map((o) => ({ outlet: o, statusName: STATUS_NAMES[o.status] })),
        nextCursor: page.nextCursor,
      };
    },
  },

  /** One outlet for review: the outlet, its business (licence) and its whole history. */
  get: {
    input: z.object({ outletId: z.string().min(1).max(64) }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ outletId }, { store, user, fileUrl }) => {
      const outlet = await store.get('outlets', outletId);
      if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
      if (!canManageStreet(user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
      const business = outlet.businessId ? await store.get('businesses', outlet.businessId) : null;
      const history = await readAll(store, 'outletReviews', { outletId });
      return {
        outlet,
        statusName: STATUS_NAMES[outlet.status],
        business,
        licenseUrl: business ? (fileUrl ? fileUrl(business.licenseFile) : business.licenseFile) : null,
        history,
      };
    },
  },

  /**
   * Approve, reject (with a reason), ask for changes (with a reason), suspend, reinstate or close. On an approved
   * outlet with changes waiting, approve / reject decide the changes. Illegal moves are refused; every legal one
   * is recorded; coverage follows at once.
   */
  decide: {
    input: z.object({
      outletId: z.string().min(1).max(64),
      decision: z.enum(['approve', 'reject', 'requestChanges', 'suspend', 'reinstate', 'close']),
      reason: z.string().trim().max(200).optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ outletId, decision, reason }, { store, user, now }) => {
      const at = now().toISOString();
      let before: Outlet | null = null;
      const after = await store.transaction(async (tx) => {
        const outlet = await tx.get('outlets', outletId);
        if (!outlet) throw new AppError('NOT_FOUND', '未找到该网点', 'outletId');
        if (!canManageStreet(user, outlet.streetCode)) throw new AppError('FORBIDDEN', '只能审核本街道的网点');
        before = outlet;
        if (outlet.pendingChanges && outlet.status === 'approved' && (decision === 'approve' || decision === 'reject'))
          return decideChanges(tx, outlet, decision === 'approve', user.openid, at, reason ?? null);
        return transition(tx, outlet, DECISIONS[decision], 'reviewer', user.openid, at, reason ?? null);
      });
      const points: [number, number][] = [after.location.coordinates];
      if (before) points.push((before as Outlet).location.coordinates);
      await refreshAround(store, points, now());
      return { outlet: after, statusName: STATUS_NAMES[after.status] };
    },
  },
});

/** Files: a link to an uploaded licence image, for its owner and its reviewers only. */
export const filesRouter = defineRouter('files', {
  url: {
    input: z.object({ fileId: z.string().min(1).max(300) }),
    access: 'signedIn',
    handler: async ({ fileId }, { store, user, fileUrl }) => {
      const business = (await store.query('businesses', { where: { licenseFile: fileId }, limit: 1 })).items[0];
      const file = fileId.startsWith('cloud://') ? null : await store.get('files', fileId);
      const owner = business?.ownerOpenid ?? file?.owner;
      if (!owner) throw new AppError('NOT_FOUND', '未找到该文件', 'fileId');
      let allowed = owner === user.openid || user.role === 'admin';
      if (!allowed && user.role === 'worker' && business) {
        const outlets = await store.query('outlets', { where: { businessId: business.id }, limit: 100 });
        allowed = outlets.items.some((o) => canManageStreet(user, o.streetCode));
      }
      if (!allowed) throw new AppError('FORBIDDEN', '只有上传者和审核人员可以查看营业执照');
      return { url: fileUrl ? fileUrl(fileId) : fileId };
    },
  },
});
