import type { Page } from 'playwright-core';
import { pickOnMap, tapOutside } from './map-picker';
import { openApp, type E2E } from './browser';

describe('the H5 app on the real map of Xicheng', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('shows 15 streets on the home page, and 西长安街街道 with its 11 communities, 5 badged 位置待补充', async () => {
    const { page, server } = app;
    await page.goto(server.url);
    const streets = page.locator('.street-item');
    await streets.first().waitFor();
    expect(await streets.count()).toBe(15);
    await expect(page.getByText('15 个街道 · 263 个社区 · 148 个已定位').isVisible()).resolves.toBe(true);

    await streets.filter({ hasText: '西长安街街道' }).tap();
    const communities = page.locator('.community-item');
    await communities.first().waitFor();
    expect(await communities.count()).toBe(11);
    expect(await communities.filter({ hasText: '位置待补充' }).count()).toBe(5);
    expect(await communities.filter({ hasText: '已定位' }).count()).toBe(6);
  });

  /** Signs the page in as the demo worker of 西长安街街道, through 我的. */
  async function signInAsStreetWorker(page: Page): Promise<void> {
    await page.goto(`${app.server.url}/#/pages/mine/index`);
    const worker = page.locator('.account-item').filter({ hasText: '西长安街街道' });
    await worker.first().waitFor();
    await worker.first().tap();
    await page.getByText('身份：社区工作者（演示账号）').waitFor();
  }

  it('lets the street worker fill in a missing location, after which the community counts as located', async () => {
    const { page, server } = app;
    await signInAsStreetWorker(page);

    await page.goto(`${server.url}/#/pages/street/index?code=110102001&name=${encodeURIComponent('西长安街街道')}`);
    const missing = page.locator('.community-item').filter({ hasText: '位置待补充' });
    await missing.first().waitFor();
    await missing.first().tap();

    await page.getByText('补充社区位置').waitFor();
    await pickOnMap(page.locator('.location-form .map-picker'), { lng: 116.3745, lat: 39.9075 });
    await page.getByText('保存位置').tap();
    await page.getByText(/由工作人员设置于/).waitFor();
    await page.locator('.location-state:visible').filter({ hasText: '已定位' }).waitFor();

    await page.goto(server.url);
    await page.getByText('15 个街道 · 263 个社区 · 149 个已定位').waitFor();
  });

  it('refuses a point outside the district with a clear message', async () => {
    const { server } = app;
    // A person of its own: this test needs nothing from the others.
    const page = await app.newPerson();
    await signInAsStreetWorker(page);
    await page.goto(`${server.url}/#/pages/community/index?code=110102001004`);
    await page.getByText(/(修正|补充)社区位置/).waitFor();
    await tapOutside(page.locator('.location-form .map-picker'));
    await page.getByText('所选位置不在西城区范围内，请在虚线轮廓内选择').waitFor();
  });
});
