import type { Envelope } from '../../../types';
import { runDueRefresh } from '../../areas/coverage';
import { coverageRouter } from '../../areas/coverage/router';
import { CloudbaseStore } from '../../store/cloudbase/CloudbaseStore';
import { cloudMain } from '../entry';

const api = cloudMain(coverageRouter);

/**
 * CloudBase function `coverage`: `{ action, data }` → envelope for the app; its timer trigger (see cloudbaserc.json)
 * recomputes the whole read model when an import or a cut-short bulk write left it behind — off every request's path,
 * while requests keep answering from the previous version.
 */
export async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer')
    return { ok: true, data: await runDueRefresh(new CloudbaseStore(), new Date()) };
  return api(event, context);
}
