import { z } from 'zod';
import {
  ASSESSMENT_PERIODS,
  INSPECTION_CHECKS,
  INSPECTION_RESULTS,
  SUBSIDY_FORMS,
  SUBSIDY_STATUSES,
} from '../../../types';
import { defineRouter } from '../../router/define';
import { cursor, empty, id, streetCode } from '../../router/schemas';
import { runAssessments, setAssessmentPeriod } from './assess';
import { outletSupervision, recordInspection } from './inspect';
import { listAssessments } from './list';
import { getSubsidy, listSubsidies } from './read';
import { saveSubsidy } from './save';

const ADMIN = ['admin'] as const;
const STAFF = ['worker', 'admin'] as const;

const text = (max: number, what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}不能超过 ${max} 字` });

/**
 * Support to businesses (项目补助 / 以奖代补), inspections and periodic assessment of the supported outlets. The admin
 * enters the records and runs assessments; workers see and inspect their street's; residents never reach any of it.
 */
export const subsidiesRouter = defineRouter('subsidies', {
  save: {
    write: true,
    input: z.object({
      id: id.optional(),
      projectName: text(60, '项目名称'),
      creditCode: z
        .string()
        .trim()
        .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { error: '统一社会信用代码应为 18 位' }),
      outletIds: z.array(id).max(50).optional(),
      form: z.enum(SUBSIDY_FORMS, { error: '请选择补助形式' }),
      amountYuan: z
        .number({ error: '金额应为数字' })
        .finite()
        .positive({ error: '金额应大于 0' })
        .max(100_000_000, { error: '金额过大' })
        // Money is kept in 元 with two decimals: a smaller fraction would be rounded away (0.001 元 would be 0).
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: '金额最多保留两位小数' }),
      year: z.number({ error: '年度应为数字' }).int().min(2020, { error: '年度有误' }).max(2100, { error: '年度有误' }),
      purpose: text(300, '资金用途'),
      status: z.enum(SUBSIDY_STATUSES, { error: '请选择状态' }),
    }),
    access: 'roles',
    roles: ADMIN,
    handler: (input, ctx) => saveSubsidy(ctx, input),
  },
  list: {
    input: z.object({ streetCode: streetCode.optional(), cursor: cursor.optional() }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => listSubsidies(ctx, input),
  },
  get: { input: z.object({ id }), access: 'roles', roles: STAFF, handler: (input, ctx) => getSubsidy(ctx, input) },
  inspect: {
    write: true,
    input: z.object({
      outletId: id,
      date: z.iso.date({ error: '日期格式应为 2026-11-28' }),
      checks: z
        .array(
          z.object({
            check: z.enum(INSPECTION_CHECKS),
            result: z.enum(INSPECTION_RESULTS, { error: '请选择检查结果' }),
          }),
        )
        .min(1, { error: '请至少填写一项检查结果' })
        .max(INSPECTION_CHECKS.length),
      note: z.string().trim().max(300, { error: '备注不能超过 300 字' }).optional(),
    }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => recordInspection(ctx, input),
  },
  outlet: {
    input: z.object({ outletId: id }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => outletSupervision(ctx, input),
  },
  assessments: {
    input: z.object({
      periodKey: z
        .string()
        .regex(/^\d{4}(Q[1-4]|H[12]|-\d{2})?$/, { error: '考核期有误' })
        .optional(),
      streetCode: streetCode.optional(),
      cursor: cursor.optional(),
    }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => listAssessments(ctx, input),
  },
  assess: {
    write: true,
    input: empty,
    access: 'roles',
    roles: ADMIN,
    handler: (_input, ctx) => runAssessments(ctx, 'current', true),
  },
  setPeriod: {
    write: true,
    input: z.object({ period: z.enum(ASSESSMENT_PERIODS, { error: '请选择考核周期' }) }),
    access: 'roles',
    roles: ADMIN,
    handler: (input, ctx) => setAssessmentPeriod(ctx, input),
  },
});
