import type { Envelope } from '../../types';
import { refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { scheduledAssessments } from '../../cloudfunctions/areas/subsidies';
import { evaluateDaily } from '../../cloudfunctions/areas/warnings';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import { readAll } from '../../cloudfunctions/store/port';
import { installMemoryCloudbase } from '../support/cloudbase';
import { callRaw, depsFor, FIXED_NOW, type As } from '../support/harness';
import { offset, outlet } from '../support/outlets';
import { seedWithDemoAccounts } from '../support/seed';

const STREET = '110102001';
const CREDIT = '91110102MA01234567';
const worker: As = { account: `worker-${STREET}` };
const admin: As = { account: 'admin' };

/**
 * Subsidies, inspections, assessments and warnings on the strict in-memory CloudBase: every query they make (lists
 * with and without a street, the jobs, the rules, the recipients of warnings) is served by a declared index, and
 * the product behaves as on SQLite.
 */
describe('supervision queries on CloudBase', () => {
  it('serves every query of subsidies, assessments and warnings from declared indexes', async () => {
    const memory = installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, FIXED_NOW);
    const deps = depsFor(store as never);
    const community = (await readAll(store, 'communities', { streetCode: STREET })).find((c) => c.location)!;
    const at = offset(community.location!.coordinates, 50, 50);
    await store.set('businesses', `biz-${CREDIT}`, {
      id: `biz-${CREDIT}`,
      creditCode: CREDIT,
      legalName: '北京便民早餐有限公司',
      contactName: '李经理',
      contactPhone: '010-66000001',
      licenseFile: 'file-x',
      ownerOpenid: 'merchant-1',
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
    });
    await store.set(
      'outlets',
      'bf-1',
      outlet('bf-1', ...at, { categories: ['breakfast'], streetCode: STREET, businessId: `biz-${CREDIT}` }),
    );
    await refreshCoverage(store, FIXED_NOW);
    const results: { step: string; env: Envelope<unknown> }[] = [];
    const run = async (action: string, data: unknown, as: As) => {
      const env = await callRaw(deps, action, data, as);
      results.push({ step: action, env });
      return env;
    };
    const saved = await run(
      'subsidies.save',
      {
        projectName: '早餐工程',
        creditCode: CREDIT,
        form: 'project',
        amountYuan: 80000,
        year: 2026,
        purpose: '网点改造',
        status: 'approved',
      },
      admin,
    );
    const subsidyId = saved.ok ? (saved.data as { id: string }).id : 'missing';
    await run('subsidies.list', {}, admin);
    await run('subsidies.list', { streetCode: STREET }, admin);
    await run('subsidies.list', {}, worker);
    await run('subsidies.get', { id: subsidyId }, worker);
    await run(
      'subsidies.inspect',
      { outletId: 'bf-1', date: '2026-11-20', checks: [{ check: 'food', result: 'fail' }] },
      worker,
    );
    await run('subsidies.outlet', { outletId: 'bf-1' }, worker);
    await run('subsidies.setPeriod', { period: 'quarter' }, admin);
    await run('subsidies.assess', {}, admin);
    await scheduledAssessments(deps);
    await run('subsidies.assessments', {}, admin);
    await run('subsidies.assessments', {}, worker);
    await run('ratings.submit', { outletId: 'bf-1', stars: 1, text: '不好' }, { openid: 'sup-resident' });
    await run('demand.report', { category: 'breakfast', communityCode: community.code }, { openid: 'sup-resident' });
    await run('outlets.setStatus', { id: 'bf-1', status: 'closed', reason: '歇业' }, worker);
    await evaluateDaily(store, FIXED_NOW);
    await run('warnings.evaluate', {}, admin);
    for (const status of ['new', 'handling', 'resolved'])
      for (const as of [admin, worker]) await run('warnings.list', { status }, as);
    await run('warnings.list', { status: 'new', streetCode: STREET }, admin);
    const gapId = `gap_${community.code}_breakfast`;
    await run('warnings.get', { id: gapId }, worker);
    await run('warnings.handle', { id: gapId, status: 'handling', note: '已联系' }, worker);

    expect(memory.indexMisses).toEqual([]);
    expect(results.filter((r) => !r.env.ok).map((r) => r.step)).toEqual([]);
    const warnings = await readAll(store, 'warnings');
    expect(warnings.map((w) => w.rule).sort()).toEqual(
      expect.arrayContaining(['assessmentFailed', 'serviceGap', 'supportedClosed']),
    );
    expect(await store.count('warnings', { streetCode: STREET, status: 'handling' })).toBe(1);
    expect(await store.count('assessments')).toBe(2);
    for (const shape of [
      'warnings where status =, streetCode = order by updatedAt',
      'users where role =, scope.streetCode =',
    ])
      expect([...memory.shapesSeen]).toContain(shape);
  }, 60000);
});
