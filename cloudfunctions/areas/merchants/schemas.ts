import { z } from 'zod';
import { PAYMENT_METHODS, SERVICES, type TimeRange, type WeeklyHours } from '../../../types';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../../core/credit-code';
import { parseHours, weekProblem } from '../../core/hours';
import { category, communityCode, lat, lng, phone, streetCode } from '../../router/schemas';

export const creditCode = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

export const hoursText = z
  .string()
  .trim()
  .min(1, { error: '请填写营业时间' })
  .superRefine((text, ctx) => {
    const h = parseHours(text);
    if ('error' in h) ctx.addIssue({ code: 'custom', message: h.error });
  });

const weekShape = z.object({
  week: z.array(z.array(z.tuple([z.string().max(5), z.string().max(5)])).max(8)).length(7),
  holidayNote: z.string().trim().max(60).nullable().optional(),
});

/**
 * Opening hours as the stored structure (seven days of ranges, what the app's hours editor makes). The census
 * text syntax (`daily 07:00-20:00`) is still read here so that older app versions keep working; the app itself
 * never asks anyone to type it (it is for the census CSV files).
 */
export const hoursInput = z.unknown().transform((value, ctx): WeeklyHours => {
  if (value === undefined || value === null || value === '') {
    ctx.addIssue({ code: 'custom', message: '请设置营业时间' });
    return z.NEVER;
  }
  if (typeof value === 'string') {
    const h = parseHours(value);
    if ('error' in h) {
      ctx.addIssue({ code: 'custom', message: h.error });
      return z.NEVER;
    }
    return h;
  }
  const shaped = weekShape.safeParse(value);
  const problem = shaped.success ? weekProblem(shaped.data.week as TimeRange[][]) : '营业时间格式有误，请重新设置';
  if (problem || !shaped.success) {
    ctx.addIssue({ code: 'custom', message: problem ?? '营业时间格式有误，请重新设置' });
    return z.NEVER;
  }
  return { week: shaped.data.week as TimeRange[][], holidayNote: shaped.data.holidayNote ?? null };
});

export const outletInput = z.object({
  name: z.string().trim().min(2, { error: '网点名称至少 2 个字' }).max(60),
  address: z.string().trim().min(4, { error: '请填写详细地址' }).max(120),
  lng,
  lat,
  streetCode,
  communityCode: communityCode.optional(),
  categories: z.array(category).min(1, { error: '至少选择一个服务类别' }).max(6),
  hours: hoursInput,
  services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
  payment: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length).optional(),
  accessible: z.boolean().optional(),
  phone: phone.optional(),
});
