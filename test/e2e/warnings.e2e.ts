import type { Page } from 'playwright-core';
import { api, registerOutlet, signInApi } from './api';
import { openApp, type E2E } from './browser';

const STREET = '110102001';
const COMMUNITY = '110102001007';
const SPOT = { lng: 116.37052, lat: 39.91137 };

async function signIn(page: Page, base: string, label: string): Promise<void> {
  await page.goto(`${base}/#/pages/mine/index`);
  await page.locator('.account-item').filter({ hasText: label }).first().tap();
  await page.locator('.me-name', { hasText: label }).waitFor();
}

describe('风险预警 and 补助: a worker handles a warning of their street, the admin reads them by street and enters a subsidy', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  }, 60000);
  afterAll(() => app?.close());

  it('shows a new warning to the street’s worker, who marks it 处理中 with a note, then 已处理', async () => {
    const { page, server } = app;
    const base = server.url;
    // Five residents' reports of a missing breakfast in one community: demand piles up there (rule e).
    const resident = await signInApi(base, 'resident');
    const reports: string[] = [];
    for (let i = 0; i < 5; i++)
      reports.push(
        (
          await api<{ id: string }>(base, resident, 'demand.report', {
            category: 'breakfast',
            communityCode: COMMUNITY,
            note: `附近没有早点 ${i + 1}`,
          })
        ).id,
      );

    await signIn(page, base, '演示街道工作人员（西长安街街道）');
    await page.locator('.warnings-link').tap();
    const item = page.locator('.warning-item', { hasText: '诉求集中' });
    await item.waitFor();
    await item.tap();
    // The warning's own page (the list stays hidden underneath in H5, with the same title in it).
    await page.locator('.page.warning .warning-title', { hasText: '5 条未解决' }).waitFor();
    await page.locator('.status-line', { hasText: '新' }).waitFor();

    await page.locator('.note textarea').fill('已联系街道早餐网点，准备增设早餐车');
    await page.locator('.mark-handling').tap();
    await page.locator('.status-line', { hasText: '处理中' }).waitFor();
    await page.locator('.handled-note', { hasText: '已联系街道早餐网点' }).waitFor();
    // Who handled it is named; no openid shows.
    await page.getByText(/演示街道工作人员（西长安街街道） · 更新于/).waitFor();

    // 已处理 asks first; declining changes nothing.
    await page.locator('.note textarea').fill('早餐车已到位');
    await page.locator('.mark-resolved').tap();
    await page.locator('.taro-modal__title', { hasText: '标记已处理' }).waitFor();
    await page.locator('.taro-model__cancel').tap();
    await page.locator('.status-line', { hasText: '处理中' }).waitFor();
    expect(await page.locator('.form-error').count()).toBe(0);

    // While the reports are still open, 已处理 is refused with the reason.
    await page.locator('.mark-resolved').tap();
    await page.locator('.taro-model__confirm').tap();
    await page.locator('.form-error', { hasText: '仍有 5 条未解决的诉求' }).waitFor();

    const worker = await signInApi(base, `worker-${STREET}`);
    for (const id of reports)
      await api(base, worker, 'demand.update', { id, status: 'resolved', reply: '早餐车每天 7 点到社区' });
    await page.locator('.mark-resolved').tap();
    await page.locator('.taro-model__confirm').tap();
    await page.locator('.status-line', { hasText: '已处理' }).waitFor();
    await page.locator('.handled-note', { hasText: '早餐车已到位' }).waitFor();
    // Once resolved, the page no longer invites marking it (no 可以标记已处理 line, no note form).
    expect(await page.locator('.check').count()).toBe(0);
    expect(await page.locator('.mark-resolved').count()).toBe(0);

    // Opened without saying which warning or outlet: said plainly, nothing blank.
    await page.goto(`${base}/#/subpackages/worker/warning/index`);
    await page.getByText('未找到该预警').waitFor();
    await page.goto(`${base}/#/subpackages/worker/supervision/index`);
    await page.getByText('未找到该网点').waitFor();

    // Another street's worker does not see it.
    const other = await signInApi(base, 'worker-110102003');
    const theirs = await api<{ items: { id: string }[] }>(base, other, 'warnings.list', { status: 'resolved' });
    expect(theirs.items.map((w) => w.id)).not.toContain(`demand_${COMMUNITY}`);
  }, 120000);

  it('lets the admin read warnings by street, enter a subsidy and see it listed', async () => {
    const base = app.server.url;
    const merchant = await signInApi(base, 'merchant');
    await registerOutlet(base, merchant, { name: '补助测试早点铺', streetCode: STREET, ...SPOT });
    const page = await app.newPerson();
    await signIn(page, base, '演示区商务局管理员');
    // The admin's warnings: every street's, each named, or one street's.
    await page.locator('.warnings-link').tap();
    await page.locator('.chip', { hasText: '已处理' }).tap();
    const resolved = page.locator('.warning-item', { hasText: '诉求集中' });
    await resolved.getByText(/西长安街街道 · 已处理/).waitFor();
    await page.locator('.street-chips .chip', { hasText: '新街口' }).tap();
    await page.getByText('新街口街道没有“已处理”的预警').waitFor();
    await page.locator('.street-chips .chip', { hasText: '西长安街' }).tap();
    await page.locator('.warning-item', { hasText: '诉求集中' }).waitFor();
    await page.goto(`${base}/#/pages/mine/index`);
    await page.locator('.subsidies-link').tap();
    await page.getByText('还没有补助记录').waitFor();
    await page.locator('.new-subsidy').tap();
    await page.locator('.field-projectName input').fill('早餐网点提升工程');
    await page.locator('.field-creditCode input').fill('91350100M000100Y43');
    await page.locator('.chip', { hasText: '以奖代补' }).tap();
    await page.locator('.field-amount input').fill('50000');
    await page.locator('.field-year input').fill('2026');
    await page.locator('.purpose textarea').fill('早餐网点店面改造与设备更新');
    await page.locator('.chip', { hasText: '已拨付' }).tap();
    await page.locator('.save').tap();
    const card = page.locator('.subsidy-item', { hasText: '早餐网点提升工程' });
    await card.waitFor();
    await card.getByText('北京测试便民服务有限公司').waitFor();
    await card.getByText(/以奖代补 · 50000 元 · 已拨付 · 1 个网点/).waitFor();
  }, 120000);
});
