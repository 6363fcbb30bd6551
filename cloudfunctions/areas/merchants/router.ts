import { z } from 'zod';
import { PAYMENT_METHODS, SERVICES } from '../../../types';
import { defineRouter } from '../../router/define';
import { category, empty, id, lat, lng, phone } from '../../router/schemas';
import { myBusinesses } from './mine';
import { registerMerchant } from './register';
import { addOutlets } from './add-outlets';
import { creditCode, hoursInput, outletInput } from './schemas';
import { setOutletClosed, updateOutlet } from './update';

/** Merchants: register a business (one licence, many outlets) and keep its outlets current. */
export const merchantsRouter = defineRouter('merchants', {
  register: {
    write: true,
    input: z.object({
      creditCode,
      legalName: z.string().trim().min(2, { error: '请填写营业执照上的名称' }).max(100),
      contactName: z.string().trim().min(1, { error: '请填写联系人' }).max(30),
      contactPhone: phone,
      licenseFile: z.string().min(1, { error: '请上传营业执照照片' }).max(300),
      outlets: z.array(outletInput).min(1, { error: '至少登记一个网点' }).max(20),
    }),
    access: 'signedIn',
    handler: (input, ctx) => registerMerchant(ctx, input),
  },
  /** 一照多址: more outlets under a licence the caller already holds, without sending the licence again. */
  addOutlets: {
    write: true,
    input: z.object({
      businessId: id,
      outlets: z.array(outletInput).min(1, { error: '至少登记一个网点' }).max(20),
    }),
    access: 'signedIn',
    handler: (input, ctx) => addOutlets(ctx, input),
  },
  mine: { input: empty, access: 'signedIn', handler: (_input, ctx) => myBusinesses(ctx) },
  updateOutlet: {
    write: true,
    input: z.object({
      id,
      hours: hoursInput.optional(),
      services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
      payment: z.array(z.enum(PAYMENT_METHODS)).min(1).max(PAYMENT_METHODS.length).optional(),
      accessible: z.boolean().optional(),
      phone: phone.nullable().optional(),
      name: z.string().trim().min(2, { error: '网点名称至少 2 个字' }).max(60).optional(),
      address: z.string().trim().min(4, { error: '请填写详细地址' }).max(120).optional(),
      lng: lng.optional(),
      lat: lat.optional(),
      categories: z.array(category).min(1).max(6).optional(),
    }),
    access: 'signedIn',
    handler: (input, ctx) => updateOutlet(ctx, input),
  },
  setClosed: {
    write: true,
    input: z.object({ id, closed: z.boolean() }),
    access: 'signedIn',
    handler: (input, ctx) => setOutletClosed(ctx, input),
  },
});
