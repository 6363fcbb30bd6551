import {
  coverageIsCurrent,
  deferFullRefreshes,
  markOutletsChanging,
  requestFullRefresh,
  SUMMARY_KEY,
} from '../../cloudfunctions/areas/coverage';
import { main } from '../../cloudfunctions/functions/coverage';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { installMemoryCloudbase } from '../support/cloudbase';
import { outlet } from '../support/outlets';
import { seedWithDemoAccounts } from '../support/seed';

const NOW = new Date('2026-11-28T02:00:00Z');

describe('the coverage function timer', () => {
  it('recomputes the read model only when an import left it behind, while a deferred request just marks it', async () => {
    installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, NOW);
    expect(await main({ Type: 'Timer', TriggerName: 'coverageRefresh' })).toEqual({
      ok: true,
      data: { refreshed: true },
    });
    expect(await main({ Type: 'Timer', TriggerName: 'coverageRefresh' })).toEqual({
      ok: true,
      data: { refreshed: false },
    });
    const before = (await store.get('meta', SUMMARY_KEY))!.value;
    await store.set('outlets', 'o-new', outlet('o-new', 116.3745, 39.9075, { status: 'approved' }));
    // As in the geo function: a location import only marks the model as behind.
    deferFullRefreshes();
    await requestFullRefresh(store, NOW);
    expect(await coverageIsCurrent(store)).toBe(false);
    expect((await store.get('meta', SUMMARY_KEY))!.value).toBe(before);
    expect(await main({ Type: 'Timer', TriggerName: 'coverageRefresh' })).toEqual({
      ok: true,
      data: { refreshed: true },
    });
    expect(await coverageIsCurrent(store)).toBe(true);
    expect((await store.get('meta', SUMMARY_KEY))!.value).toContain('o-new');
    await markOutletsChanging(store, NOW);
    expect(await coverageIsCurrent(store)).toBe(false);
  });
});
