import { z } from 'zod';
import {
  CATEGORIES,
  PAYMENT_METHODS,
  SERVICES,
  type Business,
  type CategoryId,
  type Outlet,
  type OutletChanges,
} from '../../types';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../core/credit-code';
import { AppError } from '../core/errors';
import { contains, point } from '../core/geo';
import { hoursToText, parseHours } from '../core/hours';
import { STATUS_NAMES } from '../core/review';
import type { Transaction } from '../store/port';
import { readAll, refreshAround } from './coverage-model';
import { XICHENG } from './district';
import { needsReview, record, transition } from './outlet-review';
import { defineRouter, type Ctx } from './router';
import { communityCode, lat, lng, streetCode } from './schemas';

const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

const creditCode = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

const hoursText = z
  .string()
  .trim()
  .min(1, { error: '请填写营业时间' })
  .superRefine((text, ctx) => {
    const h = parseHours(text);
    if ('error' in h) ctx.addIssue({ code: 'custom', message: h.error });
  });

const outletInput = z.object({
  name: z.string().trim().min(2, { error: '网点名称至少 2 个字' }).max(60),
  address: z.string().trim().min(4, { error: '请填写详细地址' }).max(120),
  lng,
  lat,
  streetCode,
  communityCode: communityCode.optional(),
  categories: z.array(z.enum(categoryIds)).min(1, { error: '至少选择一个服务类别' }).max(6),
  hours: hoursText,
  services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
  payment: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length).optional(),
  accessible: z.boolean().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, { error: '电话格式有误' })
    .optional(),
});

/** The caller's own outlet, or NOT_FOUND (another merchant's outlet is not even confirmed to exist). */
async function ownOutlet(tx: Pick<Transaction, 'get'>, id: string, openid: string): Promise<Outlet> {
  const o = await tx.get('outlets', id);
  if (!o || o.ownerOpenid !== openid) throw new AppError('NOT_FOUND', '未找到您的这个网点', 'id');
  return o;
}

/** A licence image must be one the caller uploaded here, or a file in the mini-program's cloud storage. */
async function checkLicense(ctx: Ctx & { openid: string }, fileId: string): Promise<void> {
  if (fileId.startsWith('cloud://')) return;
  const f = await ctx.store.get('files', fileId);
  if (!f || f.owner !== ctx.openid)
    throw new AppError('INVALID_INPUT', '参数 licenseFile 有误：请先上传营业执照照片', 'licenseFile');
}

/** Merchants: register a business (one licence, many outlets) and keep its outlets current. */
export const merchantsRouter = defineRouter('merchants', {
  /**
   * Registers a licence with one or more outlets, or adds outlets to a licence the caller already holds (一照多址).
   * A licence held by another account is a CONFLICT. Everything new waits for review.
   */
  register: {
    input: z.object({
      creditCode,
      legalName: z.string().trim().min(2, { error: '请填写营业执照上的名称' }).max(100),
      contactName: z.string().trim().min(1, { error: '请填写联系人' }).max(30),
      contactPhone: z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, { error: '联系电话格式有误' }),
      licenseFile: z.string().min(1, { error: '请上传营业执照照片' }).max(300),
      outlets: z.array(outletInput).min(1, { error: '至少登记一个网点' }).max(20),
    }),
    access: 'signedIn',
    handler: async (input, ctx) => {
      const { store, openid, user, now } = ctx;
      await checkLicense(ctx, input.licenseFile);
      for (const [i, o] of input.outlets.entries()) {
        if (!contains(XICHENG, o.lng, o.lat))
          throw new AppError('OUTSIDE_DISTRICT', `第 ${i + 1} 个网点的位置不在西城区范围内`);
        if (o.communityCode) {
          const c = await store.get('communities', o.communityCode);
          if (!c || c.streetCode !== o.streetCode)
            throw new AppError(
              'INVALID_INPUT',
              `参数 outlets.${i}.communityCode 有误：社区不属于所选街道`,
              `outlets.${i}.communityCode`,
            );
        }
      }
      const at = now().toISOString();
      const bizId = `biz-${input.creditCode}`;
      const result = await store.transaction(async (tx) => {
        const existing = await tx.get('businesses', bizId);
        if (existing && existing.ownerOpenid !== openid)
          throw new AppError('CONFLICT', '该营业执照已由其他账号登记，如有疑问请联系街道', 'creditCode');
        const business: Business & { outletSeq?: number } = existing
          ? { ...existing, updatedAt: at }
          : {
              id: bizId,
              creditCode: input.creditCode,
              legalName: input.legalName,
              contactName: input.contactName,
              contactPhone: input.contactPhone,
              licenseFile: input.licenseFile,
              ownerOpenid: openid,
              createdAt: at,
              updatedAt: at,
            };
        let seq = (business as { outletSeq?: number }).outletSeq ?? 0;
        const created: Outlet[] = [];
        for (const o of input.outlets) {
          seq++;
          const outlet: Outlet = {
            id: `m-${input.creditCode}-${String(seq).padStart(2, '0')}`,
            name: o.name,
            categories: o.categories,
            location: point(o.lng, o.lat),
            address: o.address,
            streetCode: o.streetCode,
            communityCode: o.communityCode ?? null,
            hours: parseHours(o.hours) as Outlet['hours'],
            goods: [],
            services: o.services ?? [],
            payment: o.payment?.length ? o.payment : ['cash', 'wechatPay'],
            accessible: o.accessible ?? false,
            brand: null,
            phone: o.phone ?? null,
            status: 'pending',
            source: 'merchant',
            demo: false,
            createdAt: at,
            updatedAt: at,
            businessId: bizId,
            ownerOpenid: openid,
            pendingChanges: null,
            reviewNote: null,
            reviewSeq: 0,
            needsReview: true,
          };
          outlet.reviewSeq = await record(tx, outlet, {
            from: null,
            to: 'pending',
            kind: 'submitted',
            by: openid,
            at,
            reason: null,
          });
          await tx.set('outlets', outlet.id, outlet);
          created.push(outlet);
        }
        await tx.set('businesses', bizId, { ...business, outletSeq: seq } as Business);
        if (user.role === 'resident') await tx.update('users', openid, { role: 'merchant' });
        return { business, outlets: created };
      });
      return { business: result.business, outlets: result.outlets };
    },
  },

  /** My businesses and outlets, with each outlet's status, the reviewer's reason and its recent history. */
  mine: {
    input: z.object({}),
    access: 'signedIn',
    handler: async (_input, { store, openid }) => {
      const businesses = await readAll(store, 'businesses', { ownerOpenid: openid });
      const outlets = await readAll(store, 'outlets', { ownerOpenid: openid });
      const items = [];
      for (const o of outlets) {
        const history = await readAll(store, 'outletReviews', { outletId: o.id });
        items.push({
          outlet: o,
          statusName: STATUS_NAMES[o.status],
          hoursText: hoursToText(o.hours),
          history: history.slice(-5).reverse(),
        });
      }
      return { businesses, outlets: items };
    },
  },

  /**
   * Hours, services, payment, access and phone apply at once. Name, address, location and categories of an
   * approved outlet wait for review while the approved version stays visible; on an outlet not yet approved
   * they apply and the outlet goes (back) to review.
   */
  updateOutlet: {
    input: z.object({
      id: z.string().min(1).max(64),
      hours: hoursText.optional(),
      services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
      payment: z.array(z.enum(PAYMENT_METHODS)).min(1).max(PAYMENT_METHODS.length).optional(),
      accessible: z.boolean().optional(),
      phone: z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, { error: '电话格式有误' })
        .nullable()
        .optional(),
      name: z.string().trim().min(2).max(60).optional(),
      address: z.string().trim().min(4).max(120).optional(),
      lng: lng.optional(),
      lat: lat.optional(),
      categories: z.array(z.enum(categoryIds)).min(1).max(6).optional(),
    }),
    access: 'signedIn',
    handler: async (input, { store, openid, now }) => {
      if ((input.lng === undefined) !== (input.lat === undefined))
        throw new AppError('INVALID_INPUT', '参数 lng 有误：经纬度需一起修改', 'lng');
      if (input.lng !== undefined && input.lat !== undefined && !contains(XICHENG, input.lng, input.lat))
        throw new AppError('OUTSIDE_DISTRICT', '新位置不在西城区范围内');
      const at = now().toISOString();
      const updated = await store.transaction(async (tx) => {
        const o = await ownOutlet(tx, input.id, openid);
        if (o.status === 'closed') throw new AppError('CONFLICT', '网点已关闭，不能修改');
        const immediate: Partial<Outlet> = {};
        if (input.hours !== undefined) immediate.hours = parseHours(input.hours) as Outlet['hours'];
        if (input.services !== undefined) immediate.services = input.services;
        if (input.payment !== undefined) immediate.payment = input.payment;
        if (input.accessible !== undefined) immediate.accessible = input.accessible;
        if (input.phone !== undefined) immediate.phone = input.phone;
        const reviewed: OutletChanges = {};
        if (input.name !== undefined) reviewed.name = input.name;
        if (input.address !== undefined) reviewed.address = input.address;
        if (input.lng !== undefined && input.lat !== undefined) reviewed.location = point(input.lng, input.lat);
        if (input.categories !== undefined) reviewed.categories = input.categories;
        let next: Outlet = { ...o, ...immediate, updatedAt: at };
        if (Object.keys(reviewed).length) {
          if (o.status === 'approved' || o.status === 'suspended')
            next.pendingChanges = { ...(o.pendingChanges ?? {}), ...reviewed };
          else next = { ...next, ...reviewed };
        }
        next.needsReview = needsReview(next);
        await tx.set('outlets', o.id, next);
        // A corrected outlet that was sent back goes to review again.
        if (Object.keys(reviewed).length && (o.status === 'changes_requested' || o.status === 'rejected'))
          next = await transition(tx, next, 'pending', 'owner', openid, at, null);
        return next;
      });
      if (updated.status === 'approved') await refreshAround(store, [updated.location.coordinates], now());
      return updated;
    },
  },

  /** Closes an outlet for a while (or opens it again): it stops counting as open and as coverage meanwhile. */
  setClosed: {
    input: z.object({ id: z.string().min(1).max(64), closed: z.boolean() }),
    access: 'signedIn',
    handler: async ({ id, closed }, { store, openid, now }) => {
      const updated = await store.transaction(async (tx) => {
        const o = await ownOutlet(tx, id, openid);
        const next = { ...o, temporarilyClosed: closed, updatedAt: now().toISOString() };
        await tx.set('outlets', id, next);
        return next;
      });
      if (updated.status === 'approved') await refreshAround(store, [updated.location.coordinates], now());
      return updated;
    },
  },
});
