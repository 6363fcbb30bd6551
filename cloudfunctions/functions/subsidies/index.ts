import type { Envelope } from '../../../types';
import { scheduledAssessments } from '../../areas/subsidies';
import { subsidiesRouter } from '../../areas/subsidies/router';
import { warningsSubscriptions } from '../../areas/warnings';
import { CloudbaseStore } from '../../store/cloudbase/CloudbaseStore';
import { cloudMain } from '../entry';

const api = cloudMain(subsidiesRouter, warningsSubscriptions);

/**
 * CloudBase function `subsidies`: `{ action, data }` → envelope; a daily timer trigger (see cloudbaserc.json)
 * assesses the supported outlets once for the period that just ended (failed assessments raise warnings).
 */
export async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    const store = new CloudbaseStore();
    return {
      ok: true,
      data: await scheduledAssessments({ store, now: () => new Date(), subscriptions: warningsSubscriptions }),
    };
  }
  return api(event, context);
}
