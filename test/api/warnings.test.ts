import type { Community, Outlet, Req } from '../../types';
import { refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { scheduledAssessments } from '../../cloudfunctions/areas/subsidies';
import { demoOpenid } from '../../cloudfunctions/areas/auth';
import { evaluateDaily } from '../../cloudfunctions/areas/warnings';
import { startSupervisionJobs } from '../../cloudfunctions/local/supervision-jobs';
import { LOCAL_SUBSCRIPTIONS } from '../../cloudfunctions/local/routers';
import { readAll } from '../../cloudfunctions/store/port';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, callRaw, depsFor, errorOf, FIXED_NOW, ok, seededStore, type As } from '../support/harness';
import { offset, outlet } from '../support/outlets';

const admin: As = { account: 'admin' };
const resident: As = { account: 'resident' };
const CREDIT = '91110102MA01234567';

async function locatedCommunity(store: SqliteStore): Promise<Community> {
  const all = await readAll(store, 'communities');
  const c = all.find((x) => x.location && x.code === '110102001004') ?? all.find((x) => x.location);
  if (!c) throw new Error('the reference data should have located communities');
  return c;
}

describe('risk warnings (风险预警)', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  let community: Community;
  let worker: As;
  let otherWorker: As;
  let otherStreet: string;

  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
    community = await locatedCommunity(store);
    worker = { account: `worker-${community.streetCode}` };
    otherStreet = community.streetCode === '110102003' ? '110102004' : '110102003';
    otherWorker = { account: `worker-${otherStreet}` };
    const at = offset(community.location!.coordinates, 80, 60);
    await store.set(
      'outlets',
      'bf-only',
      outlet('bf-only', ...at, { categories: ['breakfast'], streetCode: community.streetCode }),
    );
    await refreshCoverage(store, FIXED_NOW);
  });
  afterEach(() => store.close());

  const gapWarnings = async () =>
    (await readAll(store, 'warnings')).filter(
      (w) => w.rule === 'serviceGap' && w.communityCode === community.code && w.category === 'breakfast',
    );

  it('warns once, naming the community and 早餐, when the only breakfast outlet within reach is suspended', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'suspended', reason: '证照过期' }, worker));
    let warnings = await gapWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0].title).toContain(community.name);
    expect(warnings[0].title).toContain('早餐');
    expect(warnings[0].evidence).toMatchObject({ 社区: community.name, 服务: '早餐' });
    expect(warnings[0].status).toBe('new');

    // The same trigger again (approved, then suspended once more) while the warning is open: still one.
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'approved' }, worker));
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'suspended', reason: '再次停业' }, worker));
    warnings = await gapWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0].round).toBe(1);

    // The street's worker and the admin hear of it through the outbox.
    const messages = await readAll(store, 'messages', { recipient: demoOpenid(`worker-${community.streetCode}`) });
    expect(messages.filter((m) => m.kind === 'riskWarning' && m.link.params.id === warnings[0].id)).toHaveLength(1);
    expect((await readAll(store, 'messages', { recipient: demoOpenid('admin') })).map((m) => m.kind)).toContain(
      'riskWarning',
    );
    expect(await readAll(store, 'messages', { recipient: demoOpenid(`worker-${otherStreet}`) })).toEqual([]);
  });

  it('warns once about a score below 3.0 and a spike of 1-star ratings as residents rate', async () => {
    for (let i = 0; i < 6; i++)
      ok(await call(deps, 'ratings.submit', { outletId: 'bf-only', stars: 1, text: '' }, { openid: `rater-${i}` }));
    const warnings = (await readAll(store, 'warnings')).filter((w) => w.outletId === 'bf-only');
    expect(warnings.map((w) => w.rule).sort()).toEqual(['lowScore', 'reportSpike']);
    // Raised when the third arrived; the later ones found it open and added none.
    expect(warnings.find((w) => w.rule === 'reportSpike')!.evidence['近7天差评']).toBe('3 条');
  });

  it('catches up in the daily pass on a suspension whose reaction was missed, once', async () => {
    const bf = (await store.get('outlets', 'bf-only'))!;
    await store.set('outlets', 'bf-only', { ...bf, status: 'suspended', updatedAt: FIXED_NOW.toISOString() });
    await refreshCoverage(store, FIXED_NOW);
    expect(await gapWarnings()).toHaveLength(0);
    await evaluateDaily(store, FIXED_NOW);
    await evaluateDaily(store, FIXED_NOW);
    expect(await gapWarnings()).toHaveLength(1);
  });

  it('lets the worker resolve it only once a replacement breakfast outlet is approved', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'closed', reason: '歇业' }, worker));
    const [w] = await gapWarnings();
    const view = ok(await call(deps, 'warnings.get', { id: w.id }, worker));
    expect(view.stillHolds).toBe(true);
    ok(await call(deps, 'warnings.handle', { id: w.id, status: 'handling', note: '已联系周边早餐店' }, worker));
    const refused = errorOf(
      await call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '完成' }, worker),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('早餐');

    const at = offset(community.location!.coordinates, -120, 40);
    await store.set(
      'outlets',
      'bf-new',
      outlet('bf-new', ...at, { categories: ['breakfast'], streetCode: community.streetCode, status: 'pending' }),
    );
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-new', status: 'approved' }, worker));
    expect(ok(await call(deps, 'warnings.get', { id: w.id }, worker)).stillHolds).toBe(false);
    const done = ok(
      await call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '新早餐点已开业' }, worker),
    );
    expect(done).toMatchObject({
      status: 'resolved',
      handledByName: (await store.get('users', demoOpenid(`worker-${community.streetCode}`)))!.nickname,
      note: '新早餐点已开业',
    });
    expect(done).not.toHaveProperty('handledBy');
    const open = ok(await call(deps, 'warnings.list', { status: 'new' }, worker)).items;
    expect(open.map((x) => x.id)).not.toContain(w.id);
  });

  it('raises one warning with one message per person when the daily pass and an event find it at once', async () => {
    const bf = (await store.get('outlets', 'bf-only'))!;
    await store.set('outlets', 'bf-only', { ...bf, status: 'suspended', updatedAt: FIXED_NOW.toISOString() });
    await refreshCoverage(store, FIXED_NOW);
    await Promise.all([
      evaluateDaily(store, FIXED_NOW),
      evaluateDaily(store, FIXED_NOW),
      call(deps, 'warnings.evaluate', {}, admin).then(ok),
    ]);
    const warnings = await gapWarnings();
    expect(warnings).toHaveLength(1);
    const messages = await readAll(store, 'messages', { recipient: demoOpenid(`worker-${community.streetCode}`) });
    expect(messages.filter((m) => m.link.params.id === warnings[0].id)).toHaveLength(1);
  });

  it('lets one of two workers handling a warning at once win, and never reopens a resolved one', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'closed', reason: '歇业' }, worker));
    const [w] = await gapWarnings();
    const at = offset(community.location!.coordinates, -120, 40);
    await store.set(
      'outlets',
      'bf-new',
      outlet('bf-new', ...at, { categories: ['breakfast'], streetCode: community.streetCode, status: 'pending' }),
    );
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-new', status: 'approved' }, worker));
    const colleague: As = { account: `worker-${community.streetCode}` };
    const results = await Promise.all([
      call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '新店已开' }, worker),
      call(deps, 'warnings.handle', { id: w.id, status: 'handling', note: '正在联系' }, colleague),
      call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '重复提交' }, admin),
    ]);
    const stored = (await store.get('warnings', w.id))!;
    expect(stored.status).toBe('resolved');
    const resolvedOk = results.filter((r) => r.ok && (r.data as { status: string }).status === 'resolved');
    expect(resolvedOk).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(errorOf(r).code).toBe('CONFLICT');
  });

  it('keeps another street’s worker from seeing or handling the warning, and residents out entirely', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'bf-only', status: 'suspended', reason: '整改' }, worker));
    const [w] = await gapWarnings();
    expect(ok(await call(deps, 'warnings.list', { status: 'new' }, worker)).items.map((x) => x.id)).toContain(w.id);
    expect(ok(await call(deps, 'warnings.list', { status: 'new' }, otherWorker)).items.map((x) => x.id)).not.toContain(
      w.id,
    );
    expect(
      errorOf(await call(deps, 'warnings.list', { status: 'new', streetCode: community.streetCode }, otherWorker)).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await call(deps, 'warnings.get', { id: w.id }, otherWorker)).code).toBe('NOT_FOUND');
    expect(
      errorOf(await call(deps, 'warnings.handle', { id: w.id, status: 'handling', note: '越权' }, otherWorker)).code,
    ).toBe('NOT_FOUND');
    expect((await store.get('warnings', w.id))!.status).toBe('new');
    expect(ok(await call(deps, 'warnings.list', { status: 'new' }, admin)).items.map((x) => x.id)).toContain(w.id);

    for (const [action, data] of [
      ['warnings.list', { status: 'new' }],
      ['warnings.get', { id: w.id }],
      ['subsidies.list', {}],
      ['subsidies.assessments', {}],
      ['subsidies.outlet', { outletId: 'bf-only' }],
    ] as const) {
      expect(errorOf(await callRaw(deps, action, data, resident)).code).toBe('FORBIDDEN');
      expect(errorOf(await callRaw(deps, action, data, null)).code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('subsidies, inspections and periodic assessment', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  const STREET = '110102001';
  const worker: As = { account: `worker-${STREET}` };
  const otherWorker: As = { account: 'worker-110102003' };

  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
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
    const base: Partial<Outlet> = { businessId: `biz-${CREDIT}`, categories: ['breakfast'], streetCode: STREET };
    await store.set('outlets', 'sup-1', outlet('sup-1', 116.3745, 39.9075, base));
    await store.set('outlets', 'sup-2', outlet('sup-2', 116.3755, 39.9085, base));
  });
  afterEach(() => store.close());

  const save = (as: As) =>
    call(
      deps,
      'subsidies.save',
      {
        projectName: '早餐工程',
        creditCode: CREDIT,
        form: 'reward',
        amountYuan: 120000.5,
        year: 2026,
        purpose: '早餐网点改造',
        status: 'disbursed',
      },
      as,
    );

  it('lets the admin enter support, the street’s workers read it, and nobody else', async () => {
    const s = ok(await save(admin));
    expect(s).toMatchObject({
      outletIds: ['sup-1', 'sup-2'],
      streetCodes: [STREET],
      businessName: '北京便民早餐有限公司',
    });
    expect(errorOf(await save(worker)).code).toBe('FORBIDDEN');
    expect(ok(await call(deps, 'subsidies.list', {}, worker)).items.map((x) => x.id)).toEqual([s.id]);
    expect(ok(await call(deps, 'subsidies.list', {}, otherWorker)).items).toEqual([]);
    expect(errorOf(await call(deps, 'subsidies.get', { id: s.id }, otherWorker)).code).toBe('NOT_FOUND');
    expect(ok(await call(deps, 'subsidies.get', { id: s.id }, worker)).outlets.map((o) => o.id)).toEqual([
      'sup-1',
      'sup-2',
    ]);
    expect(errorOf(await call(deps, 'subsidies.get', { id: s.id }, resident)).code).toBe('FORBIDDEN');
    const edited = ok(await call(deps, 'subsidies.save', { ...s, outletIds: ['sup-1'], status: 'completed' }, admin));
    expect(edited).toMatchObject({ id: s.id, outletIds: ['sup-1'], status: 'completed', createdAt: s.createdAt });
  });

  it('refuses an amount that is not a whole number of 分 rather than storing it rounded (0 元)', async () => {
    const before = await readAll(store, 'subsidies');
    for (const amountYuan of [0.001, 12.345, Number.NaN, -5, '100'])
      expect(
        errorOf(
          await callRaw(
            deps,
            'subsidies.save',
            {
              projectName: '早餐工程',
              creditCode: CREDIT,
              form: 'reward',
              amountYuan,
              year: 2026,
              purpose: '早餐网点改造',
              status: 'approved',
            },
            admin,
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'amountYuan' });
    expect(await readAll(store, 'subsidies')).toEqual(before);
  });

  it('keeps one record when the same support or inspection is sent twice (a retried request), even at once', async () => {
    const [a, b] = await Promise.all([save(admin), save(admin)]);
    expect(ok(a).id).toBe(ok(b).id);
    expect(await readAll(store, 'subsidies')).toHaveLength(1);
    const again = ok(await save(admin));
    expect(again).toMatchObject({ id: ok(a).id, createdAt: ok(a).createdAt });
    expect(await readAll(store, 'subsidies')).toHaveLength(1);
    // Once edited, the record is not overwritten by a new record saying what it first said.
    ok(await call(deps, 'subsidies.save', { ...again, status: 'completed' }, admin));
    const second = ok(await save(admin));
    expect(second.id).not.toBe(again.id);
    expect((await store.get('subsidies', again.id))!.status).toBe('completed');
    expect(await readAll(store, 'subsidies')).toHaveLength(2);

    const inspection: Req<'subsidies.inspect'> = {
      outletId: 'sup-1',
      date: '2026-11-20',
      checks: [{ check: 'food', result: 'pass' }],
      note: '无异常',
    };
    const twice = await Promise.all([
      call(deps, 'subsidies.inspect', inspection, worker),
      call(deps, 'subsidies.inspect', inspection, worker),
    ]);
    expect(ok(twice[0]).id).toBe(ok(twice[1]).id);
    expect(await readAll(store, 'inspections', { outletId: 'sup-1' })).toHaveLength(1);
    // A different inspection of the same day is a record of its own.
    ok(await call(deps, 'subsidies.inspect', { ...inspection, checks: [{ check: 'fire', result: 'pass' }] }, worker));
    expect(await readAll(store, 'inspections', { outletId: 'sup-1' })).toHaveLength(2);
  });

  it('keeps one assessment per supported outlet however often the job runs in a period', async () => {
    ok(await save(admin));
    const first = await scheduledAssessments(deps);
    const second = await scheduledAssessments(deps);
    expect(first.assessed).toBe(2);
    expect(second.assessed).toBe(0);
    ok(await call(deps, 'subsidies.assess', {}, admin));
    ok(await call(deps, 'subsidies.assess', {}, admin));
    const all = await readAll(store, 'assessments');
    const perPeriod = new Map<string, string[]>();
    for (const a of all) perPeriod.set(a.periodKey, [...(perPeriod.get(a.periodKey) ?? []), a.outletId]);
    expect([...perPeriod.keys()].sort()).toEqual(['2026Q3', '2026Q4']);
    for (const outlets of perPeriod.values()) expect(outlets.sort()).toEqual(['sup-1', 'sup-2']);
    const current = ok(await call(deps, 'subsidies.assessments', {}, worker));
    expect(current).toMatchObject({ periodKey: '2026Q4', period: 'quarter' });
    expect(current.items[0].inputs).toMatchObject({ status: 'approved', inspections: 0 });
    expect(errorOf(await call(deps, 'subsidies.assess', {}, worker)).code).toBe('FORBIDDEN');
  });

  it('fails a supported outlet whose inspection failed, and warns its street once', async () => {
    ok(await save(admin));
    const checks = [
      { check: 'food', result: 'fail' },
      { check: 'fire', result: 'pass' },
    ] as const;
    expect(
      errorOf(
        await call(
          deps,
          'subsidies.inspect',
          { outletId: 'sup-1', date: '2026-11-20', checks: [...checks] },
          otherWorker,
        ),
      ).code,
    ).toBe('FORBIDDEN');
    ok(
      await call(
        deps,
        'subsidies.inspect',
        { outletId: 'sup-1', date: '2026-11-20', checks: [...checks], note: '过期食品' },
        worker,
      ),
    );
    ok(await call(deps, 'subsidies.assess', {}, admin));
    ok(await call(deps, 'subsidies.assess', {}, admin));
    const a = (await store.get('assessments', '2026Q4_sup-1'))!;
    expect(a.passed).toBe(false);
    expect(a.inputs).toMatchObject({ inspections: 1, checksFailed: 1, checksPassed: 1 });
    expect((await store.get('assessments', '2026Q4_sup-2'))!.passed).toBe(true);
    const failed = (await readAll(store, 'warnings')).filter((w) => w.rule === 'assessmentFailed');
    expect(failed.map((w) => w.outletId)).toEqual(['sup-1']);
    expect(failed[0].streetCode).toBe(STREET);
  });

  it('warns when a supported outlet closes, and about outlets waiting for review for more than 7 days', async () => {
    ok(await save(admin));
    ok(await call(deps, 'outlets.setStatus', { id: 'sup-2', status: 'closed', reason: '租约到期' }, worker));
    const closed = (await readAll(store, 'warnings')).filter((w) => w.rule === 'supportedClosed');
    expect(closed.map((w) => w.outletId)).toEqual(['sup-2']);
    await store.set(
      'outlets',
      'waiting',
      outlet('waiting', 116.37, 39.91, { status: 'pending', needsReview: true, updatedAt: '2026-11-18T00:00:00.000Z' }),
    );
    await store.set(
      'outlets',
      'fresh',
      outlet('fresh', 116.371, 39.911, { status: 'pending', needsReview: true, updatedAt: '2026-11-25T00:00:00.000Z' }),
    );
    await evaluateDaily(store, FIXED_NOW);
    await evaluateDaily(store, FIXED_NOW);
    const overdue = (await readAll(store, 'warnings')).filter((w) => w.rule === 'reviewOverdue');
    expect(overdue.map((w) => w.outletId)).toEqual(['waiting']);
  });
});

describe('supervision records read by people carry names, not openids; interrupted jobs warn once', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  const STREET = '110102001';
  const worker: As = { account: `worker-${STREET}` };

  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
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
    const base: Partial<Outlet> = { businessId: `biz-${CREDIT}`, categories: ['breakfast'], streetCode: STREET };
    await store.set('outlets', 'sup-1', outlet('sup-1', 116.3745, 39.9075, base));
    ok(
      await call(
        deps,
        'subsidies.save',
        {
          projectName: '早餐工程',
          creditCode: CREDIT,
          form: 'reward',
          amountYuan: 5000,
          year: 2026,
          purpose: '早餐网点改造',
          status: 'disbursed',
        },
        admin,
      ),
    );
  });
  afterEach(() => store.close());

  const openids = () => [demoOpenid('admin'), demoOpenid(`worker-${STREET}`)];
  const expectNoOpenid = (what: unknown) => {
    const text = JSON.stringify(what);
    for (const id of openids()) expect(text).not.toContain(id);
  };

  it('shows who handled a warning, made an inspection or entered support by name, never by openid', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'sup-1', status: 'closed', reason: '歇业' }, worker));
    const [w] = (await readAll(store, 'warnings')).filter((x) => x.rule === 'supportedClosed');
    const handled = ok(await call(deps, 'warnings.handle', { id: w.id, status: 'handling', note: '联系商户' }, worker));
    expectNoOpenid(handled);
    const view = ok(await call(deps, 'warnings.get', { id: w.id }, admin));
    expectNoOpenid(view);
    expect(view.warning.handledByName).toBeTruthy();
    expectNoOpenid(ok(await call(deps, 'warnings.list', { status: 'handling' }, worker)));
    const resolved = ok(
      await call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '已退回补助' }, admin),
    );
    expectNoOpenid(resolved);

    const insp = ok(
      await call(
        deps,
        'subsidies.inspect',
        { outletId: 'sup-1', date: '2026-11-20', checks: [{ check: 'food', result: 'pass' }] },
        worker,
      ),
    );
    expectNoOpenid(insp);
    const sup = ok(await call(deps, 'subsidies.outlet', { outletId: 'sup-1' }, worker));
    expectNoOpenid(sup);
    expect(sup.inspections[0].byName).toBeTruthy();
    const list = ok(await call(deps, 'subsidies.list', {}, worker));
    expectNoOpenid(list);
    expectNoOpenid(ok(await call(deps, 'subsidies.get', { id: list.items[0].id }, worker)));
  });

  it('does not apply a note to a new round of the warning raised while the worker was resolving the old one', async () => {
    ok(await call(deps, 'outlets.setStatus', { id: 'sup-1', status: 'closed', reason: '歇业' }, worker));
    const [w] = (await readAll(store, 'warnings')).filter((x) => x.rule === 'supportedClosed');
    ok(await call(deps, 'warnings.handle', { id: w.id, status: 'handling', note: '联系商户' }, worker));
    // While the worker's 已处理 is being checked, the warning is resolved elsewhere and raised again (round 2).
    let armed = true;
    const racing = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'get')
          return async (collection: string, id: string) => {
            if (armed && collection === 'outlets') {
              armed = false;
              const cur = (await target.get('warnings', w.id))!;
              await target.set('warnings', w.id, { ...cur, status: 'new', round: 2, handledBy: null, note: null });
            }
            return (target.get as (c: string, i: string) => unknown).call(target, collection, id);
          };
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const refused = errorOf(
      await call(depsFor(racing), 'warnings.handle', { id: w.id, status: 'resolved', note: '已退回补助' }, worker),
    );
    expect(refused.code).toBe('CONFLICT');
    expect((await store.get('warnings', w.id))!).toMatchObject({ status: 'new', round: 2, note: null });
  });

  it('warns about a failed assessment after a job killed before announcing it, and never reopens it later', async () => {
    ok(
      await call(
        deps,
        'subsidies.inspect',
        { outletId: 'sup-1', date: '2026-09-20', checks: [{ check: 'food', result: 'fail' }] },
        worker,
      ),
    );
    // The job wrote the assessment and stopped before its failures were announced.
    await scheduledAssessments({ ...deps, subscriptions: {} });
    expect((await store.get('assessments', '2026Q3_sup-1'))!.passed).toBe(false);
    const failedWarnings = async () => (await readAll(store, 'warnings')).filter((x) => x.rule === 'assessmentFailed');
    expect(await failedWarnings()).toHaveLength(0);
    // The re-run writes no second assessment but announces the failure, once.
    expect((await scheduledAssessments(deps)).assessed).toBe(0);
    await scheduledAssessments(deps);
    const [w] = await failedWarnings();
    expect(w).toMatchObject({ outletId: 'sup-1', round: 1 });
    ok(await call(deps, 'warnings.handle', { id: w.id, status: 'resolved', note: '已约谈商户' }, worker));
    // Later runs (hourly job, the admin's 立即考核) do not reopen a warning about the same period's failure.
    await scheduledAssessments(deps);
    expect((await store.get('warnings', w.id))!).toMatchObject({ status: 'resolved', round: 1 });
    ok(
      await call(
        deps,
        'subsidies.inspect',
        { outletId: 'sup-1', date: '2026-11-20', checks: [{ check: 'food', result: 'fail' }] },
        worker,
      ),
    );
    ok(await call(deps, 'subsidies.assess', {}, admin));
    const current = (await failedWarnings()).find((x) => x.id !== w.id)!;
    ok(await call(deps, 'warnings.handle', { id: current.id, status: 'resolved', note: '已整改' }, worker));
    ok(await call(deps, 'subsidies.assess', {}, admin));
    expect((await store.get('warnings', current.id))!).toMatchObject({ status: 'resolved', round: 1 });
    const messages = await readAll(store, 'messages', { recipient: demoOpenid(`worker-${STREET}`) });
    expect(messages.filter((m) => m.kind === 'riskWarning')).toHaveLength(2);
  });

  it('states the support of a closed outlet as an amount in 元 with at most two decimals', async () => {
    for (const s of await readAll(store, 'subsidies')) await store.set('subsidies', s.id, { ...s, status: 'revoked' });
    for (const [projectName, amountYuan] of [
      ['设备补助', 0.1],
      ['门头改造', 0.2],
    ] as const)
      ok(
        await call(
          deps,
          'subsidies.save',
          {
            projectName,
            creditCode: CREDIT,
            form: 'project',
            amountYuan,
            year: 2026,
            purpose: '改造',
            status: 'approved',
          },
          admin,
        ),
      );
    ok(await call(deps, 'outlets.setStatus', { id: 'sup-1', status: 'closed', reason: '歇业' }, worker));
    const [w] = (await readAll(store, 'warnings')).filter((x) => x.rule === 'supportedClosed');
    expect(w.evidence['补助金额']).toBe('0.3 元');
  });

  it('still runs the daily warning pass when the assessment job fails', async () => {
    await store.set(
      'outlets',
      'waiting',
      outlet('waiting', 116.37, 39.91, { status: 'pending', needsReview: true, updatedAt: '2026-11-18T00:00:00.000Z' }),
    );
    // Records of support cannot be read: the assessment job fails at its first step.
    const broken = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'query')
          return (collection: string, ...rest: unknown[]) =>
            collection === 'subsidies'
              ? Promise.reject(new Error('subsidies unavailable'))
              : (target.query as (...a: unknown[]) => unknown).call(target, collection, ...rest);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const errors: string[] = [];
    const stop = startSupervisionJobs(
      broken,
      () => FIXED_NOW,
      LOCAL_SUBSCRIPTIONS,
      (m) => errors.push(m),
    );
    try {
      for (let i = 0; i < 100 && !(await store.get('warnings', 'review_waiting')); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await store.get('warnings', 'review_waiting')).toMatchObject({ rule: 'reviewOverdue', status: 'new' });
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it('recomputes over the whole period once it ends an assessment the admin ran midway', async () => {
    ok(await call(deps, 'subsidies.assess', {}, admin));
    const midway = (await store.get('assessments', '2026Q4_sup-1'))!;
    expect(midway.inputs.inspections).toBe(0);
    const later = depsFor(store, { now: () => new Date('2027-01-05T02:00:00Z') });
    ok(
      await call(
        later,
        'subsidies.inspect',
        { outletId: 'sup-1', date: '2026-12-20', checks: [{ check: 'food', result: 'fail' }] },
        worker,
      ),
    );
    expect((await scheduledAssessments(later)).assessed).toBe(1);
    const final = (await store.get('assessments', '2026Q4_sup-1'))!;
    expect(final.inputs.inspections).toBe(1);
    expect(final.passed).toBe(false);
    expect((await scheduledAssessments(later)).assessed).toBe(0);
  });
});
