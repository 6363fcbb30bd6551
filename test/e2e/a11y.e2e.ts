import type { BrowserContext, Page } from 'playwright-core';
import { openApp, type E2E } from './browser';
import { api, registerOutlet, signInApi } from './api';
import { checkPage, failures, formatReport, type Mode, type Report } from './a11y-check';

/**
 * 适老化 and accessibility, page by page: every page of residents, merchants, workers and the admin, in the
 * standard mode and in 长辈版, at 390×844. Each page must have no axe-core WCAG 2.1 AA violation, no visible text
 * under the mode's minimum (14 / 18 px), no tap target under its minimum (44 / 60 px), and no horizontal overflow
 * at 320 px wide. A table per page is printed.
 */

const STREET = '110102001';
const SPOT = { lng: 116.37052, lat: 39.91137 };

type Role = 'resident' | 'merchant' | 'worker' | 'admin';
const ACCOUNT_LABEL: Record<Role, string> = {
  resident: '演示居民',
  merchant: '演示商户',
  worker: '演示街道工作人员（西长安街街道）',
  admin: '演示区商务局管理员',
};

interface Ids {
  outlet: string;
  circle: string;
  event: string;
  survey: string;
  merchantOutlet: string;
  subsidy: string;
  warning: string;
  business: string;
}

/** An event, a survey and a registered outlet, so that every page has something to show. */
async function seed(base: string): Promise<Ids> {
  const worker = await signInApi(base, `worker-${STREET}`);
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const created = await api<{ event: { id: string } }>(base, worker, 'events.create', {
    title: '便民服务进社区·磨刀修伞',
    theme: '便民服务',
    streetCode: STREET,
    placeName: '西交民巷社区活动室',
    ...SPOT,
    startAt: new Date(now + 3 * day).toISOString(),
    endAt: new Date(now + 3 * day + 2 * 3600 * 1000).toISOString(),
    deadline: new Date(now + 2 * day).toISOString(),
    capacity: 20,
    categories: ['repair'],
  });
  // A sign-up with a phone, so that the attendee list shows a masked number and its call button.
  const attendee = await api<{ token: string }>(base, null, 'auth.devLogin', { openid: 'resident-a11y-phone' });
  await api(base, attendee.token, 'events.join', { id: created.event.id, phone: '13812341234' });
  const survey = await api<{ id: string }>(base, worker, 'surveys.create', {
    title: '西长安街买菜情况调查',
    target: { kind: 'street', streetCode: STREET },
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * day).toISOString(),
    questions: [
      { kind: 'single', title: '您多久买一次菜', options: ['每天', '每周两三次'] },
      { kind: 'rating', title: '对周边买菜方便程度打分' },
      { kind: 'text', title: '还有什么建议' },
    ],
  });

  const merchant = await signInApi(base, 'merchant');
  await registerOutlet(base, merchant, { name: '测试商户鲜菜店', streetCode: STREET, ...SPOT });
  const mine = await api<{ outlets: { outlet: { id: string } }[]; businesses: { id: string }[] }>(
    base,
    merchant,
    'merchants.mine',
    {},
  );
  const nearby = await api<{ items: { outlet: { id: string } }[] }>(base, null, 'outlets.nearby', {
    ...SPOT,
    minutes: 10,
  });
  const circles = await api<{ circle: { id: string } }[]>(base, null, 'circles.list', {});
  // Demand piling up in one community raises a warning; a record of support for the merchant's business.
  const resident = await signInApi(base, 'resident');
  for (let i = 0; i < 5; i++)
    await api(base, resident, 'demand.report', { category: 'breakfast', communityCode: '110102001007' });
  const admin = await signInApi(base, 'admin');
  const subsidy = await api<{ id: string }>(base, admin, 'subsidies.save', {
    projectName: '早餐网点提升工程',
    creditCode: '91350100M000100Y43',
    form: 'reward',
    amountYuan: 50000,
    year: 2026,
    purpose: '店面改造',
    status: 'approved',
  });
  await api(base, admin, 'subsidies.assess', {});
  return {
    subsidy: subsidy.id,
    warning: 'demand_110102001007',
    outlet: nearby.items[0].outlet.id,
    circle: circles[0].circle.id,
    event: created.event.id,
    survey: survey.id,
    merchantOutlet: mine.outlets[0].outlet.id,
    business: mine.businesses[0].id,
  };
}

interface Visit {
  name: string;
  route: string;
  /** What to do on the page before checking (e.g. switch to the map). */
  then?: (page: Page) => Promise<void>;
}

function visits(role: Role, ids: Ids): Visit[] {
  const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;
  const nearby = q({ lng: String(SPOT.lng), lat: String(SPOT.lat), label: '测试位置' });
  switch (role) {
    case 'resident':
      return [
        { name: '首页', route: 'pages/index/index' },
        { name: '生活圈', route: 'pages/circles/index' },
        { name: '我的', route: 'pages/mine/index' },
        { name: '消息', route: 'pages/messages/index' },
        { name: '街道', route: `pages/street/index${q({ code: STREET, name: '西长安街街道' })}` },
        { name: '社区', route: `pages/community/index${q({ code: '110102001007' })}` },
        { name: '附近（未定位）', route: 'pages/nearby/index' },
        { name: '附近（列表）', route: `pages/nearby/index${nearby}` },
        {
          name: '附近（地图）',
          route: `pages/nearby/index${nearby}`,
          then: async (page) => {
            await page.locator('.mode:visible', { hasText: '地图' }).tap();
            await page.locator('.svg-map:visible .map-marker').first().waitFor();
          },
        },
        { name: '网点', route: `pages/outlet/index${q({ id: ids.outlet })}` },
        { name: '生活圈详情', route: `pages/circle/index${q({ id: ids.circle })}` },
        { name: '活动', route: 'pages/events/index' },
        { name: '活动详情', route: `pages/event/index${q({ id: ids.event })}` },
        { name: '问卷', route: 'pages/surveys/index' },
        { name: '填写问卷', route: `pages/survey/index${q({ id: ids.survey })}` },
        { name: '反映缺项', route: 'pages/demand/index' },
        { name: '商户登记', route: 'subpackages/merchant/register/index' },
        { name: '一街一则', route: `subpackages/district/guideline/index${q({ streetCode: STREET })}` },
      ];
    case 'merchant':
      return [
        { name: '我的网点', route: 'subpackages/merchant/outlets/index' },
        { name: '编辑网点', route: `subpackages/merchant/edit/index${q({ id: ids.merchantOutlet })}` },
        { name: '为此执照新增网点', route: `subpackages/merchant/register/index${q({ business: ids.business })}` },
      ];
    case 'worker':
      return [
        { name: '缺项与选址', route: 'subpackages/worker/gaps/index' },
        { name: '发布活动', route: 'subpackages/worker/event-new/index' },
        { name: '活动管理', route: `subpackages/worker/event-manage/index${q({ id: ids.event })}` },
        { name: '网点审核', route: 'subpackages/worker/reviews/index' },
        { name: '审核网点', route: `subpackages/worker/review/index${q({ id: ids.merchantOutlet })}` },
        { name: '发布问卷', route: 'subpackages/worker/survey-new/index' },
        { name: '问卷结果', route: `subpackages/worker/survey-results/index${q({ id: ids.survey })}` },
        { name: '评价审核', route: 'subpackages/worker/rating-queue/index' },
        { name: '安排待补充位置的社区', route: 'subpackages/worker/place-communities/index' },
        { name: '风险预警', route: 'subpackages/worker/warnings/index' },
        { name: '预警详情', route: `subpackages/worker/warning/index${q({ id: ids.warning })}` },
        { name: '补助与考核', route: 'subpackages/worker/subsidies/index' },
        { name: '补助记录', route: `subpackages/worker/subsidy-edit/index${q({ id: ids.subsidy })}` },
        { name: '检查与考核', route: `subpackages/worker/supervision/index${q({ outletId: ids.merchantOutlet })}` },
        { name: '考核结果', route: 'subpackages/worker/assessments/index' },
        {
          name: '生活圈规划（本街道方案）',
          route: 'subpackages/worker/planner/index',
          then: async (page) => {
            await page.locator('.planner .propose-btn').tap();
            await page.locator('.planner .plan-circle').first().waitFor();
          },
        },
        { name: '监测评价（街道）', route: 'subpackages/district/dashboard/index' },
        { name: '一街一则（编辑）', route: `subpackages/district/guideline/index${q({ streetCode: STREET })}` },
        {
          name: '补充社区位置',
          route: 'subpackages/worker/community-locate/index',
          then: async (page) => {
            await page.locator('.unlocated .locate-row').first().tap();
            await page.locator('.map-picker-map svg').first().waitFor();
          },
        },
      ];
    case 'admin':
      return [
        {
          name: '缺项与选址（管理员）',
          route: 'subpackages/worker/gaps/index',
          then: async (page) => {
            await page.locator('.gaps .chip').first().waitFor();
          },
        },
        { name: '生活圈管理', route: `pages/circle/index${q({ id: ids.circle })}` },
        { name: '消息发送记录', route: 'subpackages/worker/sent-messages/index' },
        { name: '新增补助', route: 'subpackages/worker/subsidy-edit/index' },
        { name: '编辑补助', route: `subpackages/worker/subsidy-edit/index${q({ id: ids.subsidy })}` },
        { name: '考核结果（管理员）', route: 'subpackages/worker/assessments/index' },
        {
          name: '生活圈规划（全区方案）',
          route: 'subpackages/worker/planner/index',
          then: async (page) => {
            await page.locator('.planner .propose-btn').tap();
            await page.locator('.planner .adopt-btn').waitFor();
          },
        },
        { name: '监测评价（全区）', route: 'subpackages/district/dashboard/index' },
      ];
  }
}

/** Signs in through the demo accounts on 我的 and sets the mode with the 长辈版 switch there. */
async function signIn(context: BrowserContext, base: string, role: Role, mode: Mode): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/#/pages/mine/index`);
  await page.locator('.account-item').filter({ hasText: ACCOUNT_LABEL[role] }).first().tap();
  await page.locator('.me-name', { hasText: ACCOUNT_LABEL[role] }).waitFor();
  const toggle = page.locator('.mine .elder-toggle input');
  if ((await toggle.isChecked()) !== (mode === 'elder')) await toggle.tap();
  await page.locator(mode === 'elder' ? '.page.mine.elder' : '.page.mine:not(.elder)').waitFor();
  await page.close();
}

/** Field paths and schema words that must never reach a person's screen. */
const JARGON = /[a-z]+\.[0-9]+\.|creditCode|string >=/;

/** Opens a page afresh and waits until its data has loaded. */
async function open(context: BrowserContext, base: string, visit: Visit, mode: Mode): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/#/${visit.route}`);
  await page
    .locator(mode === 'elder' ? '.page.elder' : '.page')
    .first()
    .waitFor();
  await page.waitForFunction(() => !document.querySelector('.state-loading'), null, { timeout: 15000 });
  await visit.then?.(page);
  await page.waitForTimeout(250);
  return page;
}

describe('适老化 and accessibility on every page, in the standard mode and in 长辈版', () => {
  let app: E2E;
  let ids: Ids;
  beforeAll(async () => {
    app = await openApp();
    ids = await seed(app.server.url);
  }, 60000);
  afterAll(() => app?.close());

  const cases: [Mode, Role][] = (['standard', 'elder'] as Mode[]).flatMap((m) =>
    (['resident', 'merchant', 'worker', 'admin'] as Role[]).map((r) => [m, r] as [Mode, Role]),
  );

  it.each(cases)(
    '%s mode, %s pages: no WCAG 2.1 AA violation, no small text or target, no overflow at 320 px, no code paths',
    async (mode, role) => {
      const context = await app.browser.newContext({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        locale: 'zh-CN',
      });
      try {
        await signIn(context, app.server.url, role, mode);
        const bad: string[] = [];
        for (const visit of visits(role, ids)) {
          const page = await open(context, app.server.url, visit, mode);
          const report: Report = await checkPage(page, mode);
          const table = formatReport(`${role} · ${visit.name}`, mode, report);
          console.log(table);
          if (failures(report) > 0) bad.push(table);
          // No code paths or schema words in anything a person can read.
          const jargon = (await page.locator('body').innerText()).match(JARGON);
          if (jargon) bad.push(`${role} · ${visit.name} (${mode}): visible text "${jargon[0]}"`);
          await page.close();
        }
        expect(bad).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180000,
  );

  it('fails a page when a 13 px grey label is added to it', async () => {
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      const page = await open(context, app.server.url, { name: '首页', route: 'pages/index/index' }, 'standard');
      const clean = await checkPage(page, 'standard');
      expect(failures(clean)).toBe(0);

      await page.evaluate(() => {
        const label = document.createElement('span');
        label.className = 'injected-label';
        label.textContent = '营业时间以门店为准';
        label.setAttribute('style', 'font-size: 13px; color: #999999');
        document.querySelector('.page.home .hero')?.after(label);
      });
      const dirty = await checkPage(page, 'standard');
      console.log(formatReport('首页 + 13 px 灰色标签', 'standard', dirty));
      expect(dirty.smallText.map((f) => f.where)).toContainEqual(expect.stringContaining('injected-label'));
      expect(dirty.axe.map((f) => f.detail)).toContainEqual(expect.stringContaining('color-contrast'));
      expect(failures(dirty)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
