import { z } from 'zod';
import { DESIGNATION_KINDS } from '../../../types';
import { defineRouter } from '../../router/define';
import { empty, id, streetCode } from '../../router/schemas';
import { readConfig, saveConfig } from './config';
import { dashboard } from './dashboard';
import { designate, designations, undesignate } from './designations';
import { circleEvaluation } from './evaluation';
import { linkSurvey } from './link-survey';

const share = z
  .number({ error: '应为 0 到 1 之间的比例' })
  .min(0, { error: '比例不能小于 0' })
  .max(1, { error: '比例不能大于 1' });
const count = (max: number) =>
  z
    .number({ error: '应为整数' })
    .int({ error: '应为整数' })
    .min(0, { error: '不能小于 0' })
    .max(max, { error: `不能大于 ${max}` });
const reason = z.string().trim().min(2, { error: '请填写理由（至少 2 个字）' }).max(200, { error: '理由至多 200 字' });

/** Supervision (监测评价): the dashboard and its daily index, circle evaluation, and 示范 designations. */
export const supervisionRouter = defineRouter('supervision', {
  dashboard: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => dashboard(ctx, input),
  },
  evaluation: {
    input: z.object({ circleId: id }),
    access: 'public',
    handler: (input, ctx) => circleEvaluation(ctx, input),
  },
  config: { input: empty, access: 'roles', roles: ['worker', 'admin'], handler: (_input, ctx) => readConfig(ctx) },
  setConfig: {
    write: true,
    input: z.object({
      thresholds: z.object({
        qualityFormats: count(20),
        satisfiedShare: share,
        minAnswers: count(1000),
        answerDays: count(90).min(1, { error: '至少 1 天' }),
        answeredShare: share,
      }),
      note: z.string().trim().max(200, { error: '说明至多 200 字' }).optional(),
    }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => saveConfig(ctx, input),
  },
  linkSurvey: {
    write: true,
    input: z.object({
      circleId: id,
      surveyId: id,
      questionId: id,
      satisfiedOptions: z.array(z.string().max(60)).max(20).optional(),
    }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => linkSurvey(ctx, input),
  },
  designations: { input: empty, access: 'public', handler: (_input, ctx) => designations(ctx) },
  designate: {
    write: true,
    input: z.object({
      kind: z.enum(DESIGNATION_KINDS, { error: '应为示范网点、示范企业或示范便民生活圈' }),
      targetId: id,
      year: z
        .number({ error: '请填写年份' })
        .int()
        .min(2023, { error: '年份应不早于 2023 年' })
        .max(2035, { error: '年份有误' }),
      reason,
    }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => designate(ctx, input),
  },
  undesignate: {
    write: true,
    input: z.object({ id }),
    access: 'roles',
    roles: ['admin'],
    handler: (input, ctx) => undesignate(ctx, input),
  },
});
