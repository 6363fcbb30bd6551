import type { Envelope } from '../../../types';
import { evaluateDaily } from '../../areas/warnings';
import { warningsRouter } from '../../areas/warnings/router';
import { CloudbaseStore } from '../../store/cloudbase/CloudbaseStore';
import { cloudMain } from '../entry';

const api = cloudMain(warningsRouter);

/** CloudBase function `warnings`: `{ action, data }` → envelope; a daily timer trigger evaluates the daily rules. */
export async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    const raised = await evaluateDaily(new CloudbaseStore(), new Date());
    return { ok: true, data: { raised } };
  }
  return api(event, context);
}
