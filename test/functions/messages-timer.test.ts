import { main } from '../../cloudfunctions/functions/messages';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { readAll } from '../../cloudfunctions/store/port';
import { installMemoryCloudbase } from '../support/cloudbase';
import { seedWithDemoAccounts } from '../support/seed';

describe('the messages function timer in the cloud', () => {
  it('also deletes the limit counters whose time has passed, and keeps those that still count', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, new Date('2026-11-28T02:00:00Z'));
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    for (let i = 0; i < 3; i++)
      await store.set('rateLimits', `w_old${i}`, { id: `w_old${i}`, count: 5, expiresAt: past });
    await store.set('rateLimits', 'r_current', { id: 'r_current', count: 1, expiresAt: future });
    const run = await main({ Type: 'Timer', TriggerName: 'messageJobs' });
    expect(run).toMatchObject({ ok: true, data: { pruned: 3 } });
    expect((await readAll(store, 'rateLimits')).map((c) => c.id)).toEqual(['r_current']);
  });
});
