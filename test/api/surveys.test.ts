import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';
import type { Envelope, Req } from '../../types';
import { call, depsFor, errorOf, ok, seededStore } from '../support/harness';

const XICHANGAN = '110102001';
const HOME_A = '110102001007'; // 西交民巷, 西长安街街道
const OTHER_STREET_HOME = '110102003015';
const worker = { account: `worker-${XICHANGAN}` };
const NOW = new Date('2026-11-28T02:00:00Z');

function survey(overrides: Partial<Req<'surveys.create'>> = {}): Req<'surveys.create'> {
  return {
    title: '西长安街便民服务需求调查',
    target: { kind: 'street', streetCode: XICHANGAN },
    opensAt: '2026-11-27T00:00:00+08:00',
    closesAt: '2026-12-31T00:00:00+08:00',
    questions: [
      { kind: 'single', title: '您多久买一次菜？', options: ['每天', '每周两三次', '更少'] },
      { kind: 'multiple', title: '您常用的服务', options: ['早餐', '理发', '洗衣'] },
      { kind: 'rating', title: '对周边便民服务的满意度' },
      { kind: 'text', title: '其他建议', required: false },
      { kind: 'missing', title: '您身边缺少哪些服务？', required: false },
    ],
    ...overrides,
  };
}

describe('surveys and demand reports', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store, { now: () => NOW });
  });
  afterEach(() => store.close());

  const resident = async (openid: string, home: string | null) => {
    ok(await call(deps, 'auth.setHome', { communityCode: home }, { openid }));
    return { openid };
  };

  it('shows a street survey only to residents of that street, and refuses the others', async () => {
    const s = ok(await call(deps, 'surveys.create', survey(), worker));
    const inside = await resident('in-1', HOME_A);
    const outside = await resident('out-1', OTHER_STREET_HOME);
    expect(ok(await call(deps, 'surveys.list', {}, inside)).map((x) => x.survey.id)).toContain(s.id);
    expect(ok(await call(deps, 'surveys.list', {}, outside)).map((x) => x.survey.id)).not.toContain(s.id);
    // Opened from a link shared into a group: whom it is for, and no questions to fill in.
    const seen = ok(await call(deps, 'surveys.get', { id: s.id }, outside));
    expect(seen).toMatchObject({ forMe: false, audience: '西长安街街道' });
    expect(seen.survey.questions).toEqual([]);
    expect(ok(await call(deps, 'surveys.get', { id: s.id }, inside))).toMatchObject({ forMe: true });
    expect(errorOf(await call(deps, 'surveys.get', { id: 'no-such-survey' }, outside)).code).toBe('NOT_FOUND');
    const answers = { q1: '每天', q2: ['早餐'], q3: 4 };
    expect(errorOf(await call(deps, 'surveys.answer', { id: s.id, answers }, outside)).code).toBe('NOT_FOUND');
    expect(await store.count('surveyAnswers')).toBe(0);
    expect(errorOf(await call(deps, 'surveys.create', survey(), { account: 'worker-110102003' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses answers before opening and after closing, and a second answer, changing nothing', async () => {
    const later = ok(await call(deps, 'surveys.create', survey({ opensAt: '2026-12-01T00:00:00+08:00' }), worker));
    const closed = ok(
      await call(
        deps,
        'surveys.create',
        survey({ opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-27T00:00:00+08:00' }),
        worker,
      ),
    );
    const s = ok(await call(deps, 'surveys.create', survey(), worker));
    const p = await resident('p1', HOME_A);
    const answers = { q1: '每天', q2: ['早餐'], q3: 4 };
    expect(errorOf(await call(deps, 'surveys.answer', { id: later.id, answers }, p))).toEqual({
      code: 'CLOSED',
      message: '问卷尚未开始',
    });
    expect(errorOf(await call(deps, 'surveys.answer', { id: closed.id, answers }, p)).code).toBe('CLOSED');
    ok(await call(deps, 'surveys.answer', { id: s.id, answers }, p));
    const second = errorOf(await call(deps, 'surveys.answer', { id: s.id, answers: { ...answers, q1: '更少' } }, p));
    expect(second.code).toBe('CONFLICT');
    expect((await store.get('surveyAnswers', `${s.id}_p1`))?.answers.q1).toBe('每天');
    const bad = errorOf(
      await call(
        deps,
        'surveys.answer',
        { id: s.id, answers: { q1: '从不', q2: [], q3: 9 } },
        await resident('p2', HOME_A),
      ),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.field).toBe('answers.q1');
  });

  it('counts results as computed by hand, keeps flagged text out, and exports the same numbers', async () => {
    const s = ok(await call(deps, 'surveys.create', survey(), worker));
    const fixture: [string, string, Record<string, unknown>][] = [
      ['a1', HOME_A, { q1: '每天', q2: ['早餐', '理发'], q3: 5, q4: '希望有早点铺', q5: ['breakfast'] }],
      ['a2', HOME_A, { q1: '每天', q2: ['早餐'], q3: 3, q5: ['breakfast', 'laundry'] }],
      ['a3', '110102001004', { q1: '更少', q2: ['洗衣'], q3: 4, q4: '加微信 abc_12345 低价办证' }],
      ['a4', '110102001004', { q1: '每周两三次', q2: ['理发', '洗衣'], q3: 4 }],
    ];
    for (const [who, home, answers] of fixture)
      ok(
        await call(
          deps,
          'surveys.answer',
          { id: s.id, answers: answers as Req<'surveys.answer'>['answers'] },
          await resident(who, home),
        ),
      );
    const r = ok(await call(deps, 'surveys.results', { id: s.id }, worker));
    expect(r.total).toBe(4);
    const q = (id: string) => r.questions.find((x) => x.questionId === id)!;
    expect(q('q1').options).toEqual([
      { option: '每天', count: 2, percent: 50 },
      { option: '每周两三次', count: 1, percent: 25 },
      { option: '更少', count: 1, percent: 25 },
    ]);
    expect(q('q2').options.map((o) => [o.option, o.count, o.percent])).toEqual([
      ['早餐', 2, 50],
      ['理发', 2, 50],
      ['洗衣', 2, 50],
    ]);
    expect(q('q3').average).toBe(4);
    expect(q('q4').texts).toEqual(['希望有早点铺']); // the spam text waits for a person
    expect(q('q5').options.find((o) => o.option === '早餐')).toMatchObject({ count: 2, percent: 100 });
    expect(r.byCommunity.map((c) => c.count)).toEqual([2, 2]);

    const { csv } = ok(await call(deps, 'surveys.export', { id: s.id }, worker));
    const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row['您多久买一次菜？'] === '每天')).toHaveLength(2);
    expect(rows.filter((row) => row['您常用的服务'].split('|').includes('洗衣'))).toHaveLength(2);
    expect(rows.reduce((n, row) => n + Number(row['对周边便民服务的满意度']), 0)).toBe(16);
    expect(rows.some((row) => row['其他建议'].includes('办证'))).toBe(false);
  });

  it('groups demand reports on the gaps page of that street’s worker, not another street’s, and shows the reporter each change', async () => {
    const p = await resident('reporter', HOME_A);
    const first = ok(await call(deps, 'demand.report', { category: 'laundry', note: '附近没有洗衣店' }, p));
    ok(await call(deps, 'demand.report', { category: 'laundry' }, await resident('neighbour', HOME_A)));
    ok(await call(deps, 'demand.report', { category: 'repair', communityCode: '110102001004' }, p));
    const grouped = ok(await call(deps, 'demand.grouped', { streetCode: XICHANGAN }, worker));
    expect(grouped.map((g) => [g.communityCode, g.category, g.count])).toEqual([
      [HOME_A, 'laundry', 2],
      ['110102001004', 'repair', 1],
    ]);
    expect(
      errorOf(await call(deps, 'demand.grouped', { streetCode: XICHANGAN }, { account: 'worker-110102003' })).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await call(deps, 'demand.update', { id: first.id, status: 'planned' }, { account: 'worker-110102003' }))
        .code,
    ).toBe('FORBIDDEN');
    ok(
      await call(
        deps,
        'demand.update',
        { id: first.id, status: 'planned', reply: '已联系洗衣连锁品牌，计划明年春天开业' },
        worker,
      ),
    );
    const mine = ok(await call(deps, 'demand.mine', {}, p)).find((r) => r.id === first.id)!;
    expect(mine).toMatchObject({ status: 'planned', reply: '已联系洗衣连锁品牌，计划明年春天开业' });
    expect(errorOf(await call(deps, 'demand.update', { id: first.id, status: 'received' }, worker)).code).toBe(
      'CONFLICT',
    );
  });
});

describe('answer-once under concurrency, through the local HTTP server', () => {
  let running: RunningLocal;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'survey-load-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      clock: () => NOW,
    });
  });
  afterAll(() => running.close());

  it('stores exactly one of 50 simultaneous answers by the same person', async () => {
    const post = async <T>(fn: string, action: string, data: unknown, token: string) =>
      (await (
        await fetch(`${running.url}/api/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action, data }),
        })
      ).json()) as Envelope<T>;
    const login = async (body: object) =>
      (
        (await (
          await fetch(`${running.url}/api/auth`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'devLogin', data: body }),
          })
        ).json()) as { data: { token: string } }
      ).data.token;
    const workerToken = await login({ account: `worker-${XICHANGAN}` });
    const created = await post<{ id: string }>('surveys', 'create', survey(), workerToken);
    if (!created.ok) throw new Error(created.error.message);
    const me = await login({ openid: 'eager-person' });
    await post('auth', 'setHome', { communityCode: HOME_A }, me);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('surveys', 'answer', { id: created.data.id, answers: { q1: '每天', q2: ['早餐'], q3: 1 + (i % 5) } }, me),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.error.code === 'CONFLICT')).toHaveLength(49);
    expect(await running.store.count('surveyAnswers', { surveyId: created.data.id })).toBe(1);
    expect((await running.store.get('surveys', created.data.id))?.answerCount).toBe(1);
  });
});
