import type { ActionKey, Envelope } from '../../types';
import { refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { demoOutlets } from '../../cloudfunctions/areas/outlets';
import { readReference } from '../../cloudfunctions/local/reference-files';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { installMemoryCloudbase } from './cloudbase';
import { callRaw, depsFor, FIXED_NOW, type As } from './harness';
import { seedWithDemoAccounts } from './seed';
import { eventInput } from './events';

/** Database requests one call sends to CloudBase, by call. */
export type RequestCounts = Record<string, number>;

/**
 * Builds a CloudBase (the real SDK over the in-memory service) holding `outlets` demo outlets and an event with
 * `signups` people signed up, then counts the database requests of one call of each kind the product makes most:
 * a nearby search, the coverage report (with its read model warm in the process), a join that takes a seat, a join
 * onto the waitlist, a rating and a survey answer.
 */
export async function requestsPerCall(outlets: number, signups: number): Promise<RequestCounts> {
  const memory = installMemoryCloudbase();
  const store = new CloudbaseStore(cloudbaseDb());
  await seedWithDemoAccounts(store, FIXED_NOW);
  const plan = demoOutlets(readReference().communities, outlets, 7);
  for (const o of plan.outlets) await store.set('outlets', o.id, { ...o, status: 'approved' });
  await refreshCoverage(store, FIXED_NOW);
  const deps = depsFor(store as never);
  const call = async (action: ActionKey, data: unknown, as: As): Promise<Envelope<unknown>> => {
    const env = await callRaw(deps, action, data, as);
    if (!env.ok) throw new Error(`${action}: ${env.error.code} ${env.error.message}`);
    return env;
  };
  const worker = { account: 'worker-110102001' };
  const event = (
    (await call('events.create', eventInput({ capacity: Math.max(1, Math.floor(signups / 2)) }), worker)) as {
      data: { event: { id: string } };
    }
  ).data.event.id;
  for (let i = 0; i < signups; i++) await call('events.join', { id: event }, { openid: `rq-${i}` });
  await store.update('events', event, { capacity: signups + 10 });
  const survey = (
    (await call(
      'surveys.create',
      {
        title: '需求调查',
        target: { kind: 'district' },
        opensAt: '2026-11-28T08:00:00+08:00',
        closesAt: '2026-12-28T08:00:00+08:00',
        questions: [{ kind: 'rating', title: '满意度' }],
      },
      { account: 'admin' },
    )) as { data: { id: string } }
  ).data.id;
  const outletId = plan.outlets[0].id;
  const near = { lng: 116.3745, lat: 39.9075 };
  await call('coverage.report', {}, null); // warms the process's read model
  for (const who of ['rq-seat', 'rq-rater', 'rq-answer']) await call('auth.me', {}, { openid: who });

  const counts: RequestCounts = {};
  const measure = async (name: string, run: () => Promise<unknown>) => {
    const from = memory.requests.length;
    await run();
    counts[name] = memory.requests.length - from;
  };
  await measure('outlets.nearby', () => call('outlets.nearby', near, null));
  await measure('coverage.report', () => call('coverage.report', {}, null));
  await measure('events.join (a seat)', () => call('events.join', { id: event }, { openid: 'rq-seat' }));
  // Full again: the next person waits.
  await store.update('events', event, { capacity: (await store.get('events', event))!.confirmedCount });
  await measure('events.join (waitlist)', () => call('events.join', { id: event }, { openid: 'rq-wait' }));
  await measure('ratings.submit', () => call('ratings.submit', { outletId, stars: 4 }, { openid: 'rq-rater' }));
  await measure('surveys.answer', () =>
    call('surveys.answer', { id: survey, answers: { q1: 5 } }, { openid: 'rq-answer' }),
  );
  return counts;
}
