import { z } from 'zod';
import { PAYMENT_METHODS, SERVICES } from '../../../types';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../../core/credit-code';
import { parseHours } from '../../core/hours';
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

export const outletInput = z.object({
  name: z.string().trim().min(2, { error: '网点名称至少 2 个字' }).max(60),
  address: z.string().trim().min(4, { error: '请填写详细地址' }).max(120),
  lng,
  lat,
  streetCode,
  communityCode: communityCode.optional(),
  categories: z.array(category).min(1, { error: '至少选择一个服务类别' }).max(6),
  hours: hoursText,
  services: z.array(z.enum(SERVICES)).max(SERVICES.length).optional(),
  payment: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length).optional(),
  accessible: z.boolean().optional(),
  phone: phone.optional(),
});
