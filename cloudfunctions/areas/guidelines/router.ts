import { z } from 'zod';
import { defineRouter } from '../../router/define';
import { streetCode } from '../../router/schemas';
import { guidelineView } from './content';
import { exportGuideline } from './docx';
import { saveGuideline } from './save';

/** 一街一则: each street's guideline, generated from live data, with the street workers' own text and versions. */
export const guidelinesRouter = defineRouter('guidelines', {
  get: { input: z.object({ streetCode }), access: 'public', handler: (input, ctx) => guidelineView(ctx, input) },
  save: {
    write: true,
    input: z.object({
      streetCode,
      notes: z.string().max(5000, { error: '说明至多 5000 字' }),
      version: z.number({ error: '缺少版本号' }).int().min(0),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => saveGuideline(ctx, input),
  },
  export: {
    input: z.object({ streetCode }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: (input, ctx) => exportGuideline(ctx, input),
  },
});
