import { seedWithDemoAccounts } from '../support/seed';
import { readAll } from '../../cloudfunctions/store/port';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { installMemoryCloudbase } from '../support/cloudbase';
import { call, depsFor, ok } from '../support/harness';
import { eventInput } from '../support/events';

const NOW = new Date('2026-11-28T02:00:00Z');

describe('event capacity on CloudBase (the real SDK, conflicting transactions retried)', () => {
  it('gives 10 seats to 10 of 100 simultaneous joiners and waitlists 90 in order, one sign-up each', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, NOW);
    const deps = depsFor(store as never, { now: () => NOW });
    const event = ok(
      await call(deps, 'events.create', eventInput({ title: '社区便民日' }), { account: 'worker-110102001' }),
    ).event;
    const people = Array.from({ length: 100 }, (_, i) => `cb-person-${i}`);
    const answers = await Promise.all(people.map((openid) => call(deps, 'events.join', { id: event.id }, { openid })));
    const joined = answers.filter((a) => a.ok).map((a) => (a.ok ? a.data.mine! : null)!);
    // 100 transactions on one event document conflict again and again; backoff with jitter lets every one land.
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual([]);
    expect(joined).toHaveLength(100);
    const stored = (await store.get('events', event.id))!;
    expect(stored.confirmedCount).toBe(Math.min(10, joined.length));
    expect(joined.filter((m) => m.status === 'confirmed')).toHaveLength(stored.confirmedCount);
    const line = await readAll(store, 'signups', { eventId: event.id, status: 'waitlisted' }, { field: 'queueKey' });
    expect(line.map((s) => s.openid).sort()).toEqual(
      joined
        .filter((m) => m.status === 'waitlisted')
        .map((m) => m.openid)
        .sort(),
    );
    expect(await store.count('signups', { eventId: event.id })).toBe(joined.length);
  }, 60000);
});
