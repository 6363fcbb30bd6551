import { z } from 'zod';
import { WARNING_STATUSES } from '../../../types';
import { defineRouter } from '../../router/define';
import { cursor, empty, streetCode } from '../../router/schemas';
import { evaluateNow } from './daily';
import { getWarning, handleWarning, listWarnings } from './handle';

const STAFF = ['worker', 'admin'] as const;
const warningId = z.string().min(1, { error: '缺少编号' }).max(120, { error: '编号过长' });

/** Risk warnings (风险预警): workers see and handle their street's, admins all; residents never. */
export const warningsRouter = defineRouter('warnings', {
  list: {
    input: z.object({
      status: z.enum(WARNING_STATUSES, { error: '状态应为 新、处理中 或 已处理' }),
      streetCode: streetCode.optional(),
      cursor: cursor.optional(),
    }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => listWarnings(ctx, input),
  },
  get: {
    input: z.object({ id: warningId }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => getWarning(ctx, input),
  },
  handle: {
    write: true,
    input: z.object({
      id: warningId,
      status: z.enum(['handling', 'resolved'], { error: '状态应为 处理中 或 已处理' }),
      note: z
        .string({ error: '请填写处理说明' })
        .trim()
        .min(1, { error: '请填写处理说明' })
        .max(300, { error: '处理说明不能超过 300 字' }),
    }),
    access: 'roles',
    roles: STAFF,
    handler: (input, ctx) => handleWarning(ctx, input),
  },
  evaluate: {
    write: true,
    input: empty,
    access: 'roles',
    roles: ['admin'],
    handler: (_input, ctx) => evaluateNow(ctx),
  },
});
