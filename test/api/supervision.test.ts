import { unzipSync, strFromU8 } from 'fflate';
import { BASIC_CATEGORIES, type Circle } from '../../types';
import { refreshCoverage } from '../../cloudfunctions/areas/coverage';
import { takeSnapshot } from '../../cloudfunctions/areas/supervision';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { readAll } from '../../cloudfunctions/store/port';
import { demoOpenid } from '../../cloudfunctions/areas/auth';
import { call, depsFor, errorOf, FIXED_NOW, ok } from '../support/harness';
import { outlet } from '../support/outlets';

const admin = { account: 'admin' };
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** The text of a .docx: its main part with the XML tags taken out. */
function docxText(base64: string): string {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return strFromU8(files['word/document.xml']).replace(/<[^>]+>/g, '');
}

describe('supervision: evaluation, daily index, dashboard and 一街一则', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeAll(async () => {
    store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 2000, FIXED_NOW);
    deps = depsFor(store);
  });
  afterAll(() => store.close());

  /** A circle whose members all have a location, now reaching all eight basic services and three quality formats. */
  async function servedCircle(): Promise<Circle> {
    const circles = await readAll(store, 'circles', { minutes: 10 });
    for (const c of circles) {
      const members = await store.getMany('communities', c.members);
      if (c.status === 'built' || !members.length || members.some((m) => !m?.location)) continue;
      for (const m of members)
        await store.set(
          'outlets',
          `all8-${m!.code}`,
          outlet(`all8-${m!.code}`, ...m!.location!.coordinates, {
            categories: [...BASIC_CATEGORIES],
            streetCode: c.streetCode,
            hours: { week: Array.from({ length: 7 }, () => [['00:00', '24:00']]), holidayNote: null },
          }),
        );
      for (const q of ['reading', 'fitness', 'teaCoffee'] as const)
        await store.set(
          'outlets',
          `q-${q}-${c.id}`,
          outlet(`q-${q}-${c.id}`, ...c.centre.coordinates, { categories: [q], streetCode: c.streetCode }),
        );
      await refreshCoverage(store, FIXED_NOW);
      return c;
    }
    throw new Error('the demo data should have a circle whose members all have a location');
  }

  it('refuses 已建成 for a circle with 60 % satisfied answers (threshold 80 %) unless the admin overrides, and records the override', async () => {
    const circle = await servedCircle();
    const survey = ok(
      await call(
        deps,
        'surveys.create',
        {
          title: '生活圈满意度调查',
          target: { kind: 'district' },
          opensAt: new Date(FIXED_NOW.getTime() - 3600_000).toISOString(),
          closesAt: new Date(FIXED_NOW.getTime() + 7 * 86400_000).toISOString(),
          questions: [{ kind: 'rating', title: '您对生活圈便民服务是否满意' }],
        },
        admin,
      ),
    );
    const questionId = survey.questions[0].id;
    for (let i = 0; i < 10; i++) {
      const who = { openid: `sat-${i}` };
      ok(await call(deps, 'auth.setHome', { communityCode: circle.members[0] }, who));
      ok(await call(deps, 'surveys.answer', { id: survey.id, answers: { [questionId]: i < 6 ? 5 : 2 } }, who));
    }
    ok(await call(deps, 'supervision.linkSurvey', { circleId: circle.id, surveyId: survey.id, questionId }, admin));

    const evaluation = ok(await call(deps, 'supervision.evaluation', { circleId: circle.id }));
    const by = Object.fromEntries(evaluation.criteria.map((c) => [c.id, c]));
    expect(by.basic.passed).toBe(true);
    expect(by.quality.passed).toBe(true);
    expect(by.satisfaction).toMatchObject({ passed: false, value: 0.6, threshold: 0.8 });
    expect(by.satisfaction.figure).toContain('10 份回答');
    expect(evaluation.passed).toBe(false);

    const refused = errorOf(await call(deps, 'circles.save', { op: 'update', id: circle.id, status: 'built' }, admin));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('评价未通过');
    expect(refused.message).toContain('居民满意度');
    expect((await store.get('circles', circle.id))?.status).toBe(circle.status);
    expect(await store.count('builtRecords')).toBe(0);

    ok(
      await call(
        deps,
        'circles.save',
        { op: 'update', id: circle.id, status: 'built', override: '区级验收会议确认，满意度问卷将补充' },
        admin,
      ),
    );
    expect((await store.get('circles', circle.id))?.status).toBe('built');
    const records = await readAll(store, 'builtRecords', { circleId: circle.id });
    expect(records).toEqual([
      expect.objectContaining({
        via: 'override',
        by: demoOpenid('admin'),
        at: FIXED_NOW.toISOString(),
        reason: '区级验收会议确认，满意度问卷将补充',
        failed: ['satisfaction'],
      }),
    ]);
    const after = ok(await call(deps, 'supervision.evaluation', { circleId: circle.id }));
    expect(after.builtBy).toMatchObject({ via: 'override', reason: '区级验收会议确认，满意度问卷将补充', by: '' });
  });

  it('keeps every version of the thresholds the admin saves, and lets no worker change them', async () => {
    const cfg = ok(await call(deps, 'supervision.config', {}, admin));
    expect(cfg.current.thresholds.satisfiedShare).toBe(0.8);
    ok(
      await call(
        deps,
        'supervision.setConfig',
        { thresholds: { ...cfg.current.thresholds, satisfiedShare: 0.6 }, note: '试行标准' },
        admin,
      ),
    );
    ok(await call(deps, 'supervision.setConfig', { thresholds: cfg.current.thresholds }, admin));
    const now = ok(await call(deps, 'supervision.config', {}, admin));
    expect(now.current.version).toBe(2);
    expect(now.history.map((h) => [h.version, h.thresholds.satisfiedShare])).toEqual([
      [2, 0.8],
      [1, 0.6],
    ]);
    expect(
      errorOf(
        await call(
          deps,
          'supervision.setConfig',
          { thresholds: cfg.current.thresholds },
          { account: 'worker-110102001' },
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('keeps one snapshot a day when the job runs twice on the same day', async () => {
    await takeSnapshot(store, new Date('2026-11-28T00:30:00Z'));
    await takeSnapshot(store, new Date('2026-11-28T11:30:00Z'));
    const day = await readAll(store, 'indexSnapshots', { date: '2026-11-28' });
    expect(day).toHaveLength(1);
    expect(day[0].takenAt).toBe('2026-11-28T11:30:00.000Z');
    await takeSnapshot(store, new Date('2026-11-29T00:30:00Z'));
    expect(await store.count('indexSnapshots')).toBe(2);
    const report = ok(await call(deps, 'coverage.report', { minutes: 15 }));
    expect(day[0].figures.m15.district.index).toBe(report.district.index);
  });

  it('gives the dashboard the same per-street index as coverage.report, for every street', async () => {
    await store.set('warnings', 'w1', {
      id: 'w1',
      rule: 'serviceGap',
      streetCode: '110102001',
      status: 'new',
      title: '社区缺少早餐服务',
      round: 1,
      evidence: {},
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
    });
    await store.set('warnings', 'w2', { ...(await store.get('warnings', 'w1'))!, id: 'w2', status: 'resolved' });
    const report = ok(await call(deps, 'coverage.report', {}));
    const board = ok(await call(deps, 'supervision.dashboard', {}, admin));
    expect(board.streets).toHaveLength(15);
    for (const s of report.streets) {
      const row = board.streets.find((r) => r.code === s.code)!;
      expect({ code: s.code, ...row.figure }).toEqual({
        code: s.code,
        total: s.total,
        located: s.located,
        unlocated: s.unlocated,
        served: s.served,
        index: s.index,
      });
    }
    expect(board.figure.index).toBe(report.district.index);
    const approved = await readAll(store, 'outlets', { status: 'approved' });
    const basicOutlets = approved.filter((o) => o.categories.some((c) => (BASIC_CATEGORIES as string[]).includes(c)));
    expect(board.outlets.byTier.find((t) => t.tier === 'basic')?.count).toBe(basicOutlets.length);
    expect(board.outlets.byStatus.find((t) => t.status === 'approved')?.count).toBe(approved.length);
    expect(board.streets.find((r) => r.code === '110102001')!.openWarnings).toBe(1);
    expect(board.streets.find((r) => r.code === '110102003')!.openWarnings).toBe(0);
    expect(board.trend.filter((t) => t.minutes === 10).map((t) => t.date)).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('shows a worker their own street only, and lets them edit only their own 一街一则', async () => {
    const worker = { account: 'worker-110102001' };
    const own = ok(await call(deps, 'supervision.dashboard', {}, worker));
    expect(own.scope).toMatchObject({ kind: 'street', streetCode: '110102001' });
    expect(own.streets.map((s) => s.code)).toEqual(['110102001']);
    expect(errorOf(await call(deps, 'supervision.dashboard', { streetCode: '110102003' }, worker)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await call(deps, 'supervision.dashboard', {}, { account: 'resident' })).code).toBe('FORBIDDEN');

    expect(
      errorOf(await call(deps, 'guidelines.save', { streetCode: '110102003', notes: '别的街道', version: 0 }, worker))
        .code,
    ).toBe('FORBIDDEN');
    expect(await store.count('guidelines')).toBe(0);
    const saved = ok(
      await call(deps, 'guidelines.save', { streetCode: '110102001', notes: '优先补齐早餐网点', version: 0 }, worker),
    );
    expect(saved.version).toBe(1);
    expect(
      errorOf(
        await call(deps, 'guidelines.save', { streetCode: '110102001', notes: '旧版本上的修改', version: 0 }, worker),
      ).code,
    ).toBe('CONFLICT');
    const view = ok(await call(deps, 'guidelines.get', { streetCode: '110102001' }));
    expect(view.notes).toBe('优先补齐早餐网点');
    expect(view.history.map((h) => h.version)).toEqual([1]);
    expect(view.recommended.map((r) => r.tier)).toEqual(['basic', 'quality', 'character']);

    const file = ok(await call(deps, 'guidelines.export', { streetCode: '110102001' }, worker));
    expect(file.filename).toMatch(/\.docx$/);
    const text = docxText(file.base64);
    expect(text).toContain(view.streetName);
    expect(text).toContain(`便利性指数 ${percent(view.figure.index)}`);
    expect(text).toContain('优先补齐早餐网点');
    expect(errorOf(await call(deps, 'guidelines.export', { streetCode: '110102003' }, worker)).code).toBe('FORBIDDEN');
  });

  it('lets the admin designate a 示范网点 that everyone sees, with its year and reason', async () => {
    const [o] = (await store.query('outlets', { where: { status: 'approved' }, limit: 1 })).items;
    expect(
      errorOf(
        await call(
          deps,
          'supervision.designate',
          { kind: 'outlet', targetId: o.id, year: 2025, reason: '服务优良' },
          { account: 'worker-110102001' },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    ok(
      await call(
        deps,
        'supervision.designate',
        { kind: 'outlet', targetId: o.id, year: 2025, reason: '服务优良' },
        admin,
      ),
    );
    const list = ok(await call(deps, 'supervision.designations', {}));
    expect(list).toEqual([expect.objectContaining({ kind: 'outlet', targetId: o.id, year: 2025, reason: '服务优良' })]);
    expect(JSON.stringify(list)).not.toContain(demoOpenid('admin'));
  });

  it('designates a 示范企业 from one of its outlets, and lists its approved outlets for their badges', async () => {
    const at = FIXED_NOW.toISOString();
    await store.set('businesses', 'biz-test', {
      id: 'biz-test',
      creditCode: '91350100M000100Y43',
      legalName: '北京示范便民服务有限公司',
      contactName: '王经理',
      contactPhone: '010-66000000',
      licenseFile: 'file-x',
      ownerOpenid: 'owner-1',
      createdAt: at,
      updatedAt: at,
    });
    await store.set(
      'outlets',
      'biz-o1',
      outlet('biz-o1', 116.37, 39.91, { businessId: 'biz-test', source: 'merchant' }),
    );
    await store.set(
      'outlets',
      'biz-o2',
      outlet('biz-o2', 116.371, 39.911, { businessId: 'biz-test', source: 'merchant', status: 'pending' }),
    );
    const d = ok(
      await call(
        deps,
        'supervision.designate',
        { kind: 'business', targetId: 'biz-o1', year: 2026, reason: '连锁便民' },
        admin,
      ),
    );
    expect(d).toMatchObject({ id: 'business_biz-test', targetId: 'biz-test', targetName: '北京示范便民服务有限公司' });
    const listed = ok(await call(deps, 'supervision.designations', {})).find((x) => x.kind === 'business')!;
    expect(listed.outletIds).toEqual(['biz-o1']);
    expect(
      errorOf(
        await call(
          deps,
          'supervision.designate',
          { kind: 'business', targetId: 'no-such', year: 2026, reason: '连锁便民' },
          admin,
        ),
      ).code,
    ).toBe('NOT_FOUND');
  });
});
