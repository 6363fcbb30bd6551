import type { Envelope } from '../../../types';
import { takeSnapshot } from '../../areas/supervision';
import { supervisionRouter } from '../../areas/supervision/router';
import { CloudbaseStore } from '../../store/cloudbase/CloudbaseStore';
import { cloudMain } from '../entry';

const api = cloudMain(supervisionRouter);

/**
 * CloudBase function `supervision`: `{ action, data }` → envelope for the app; its timer trigger (see
 * cloudbaserc.json, twice a day) keeps the day's convenience index — one snapshot per Beijing day.
 */
export async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    const snapshot = await takeSnapshot(new CloudbaseStore(), new Date());
    return { ok: true, data: { date: snapshot.date } };
  }
  return api(event, context);
}
