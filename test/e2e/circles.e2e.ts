import { openApp, type E2E } from './browser';

describe('生活圈: circles, their basic services, and gaps for workers', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('lists the circles on the 生活圈 tab, and a circle page shows x/8 and the missing categories', async () => {
    const { page, server } = app;
    await page.goto(server.url);
    await page.locator('.street-item').first().waitFor();
    await page.locator('.taro-tabbar__tabbar').getByText('生活圈').tap();
    const items = page.locator('.circle-item:visible');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(15);
    await page.getByText(/全区便利性指数/).waitFor();
    const texts = await items.allTextContents();
    for (const t of texts) expect(t).toMatch(/基本业态 [0-8]\/8/);

    const withGap = items.filter({ hasNotText: '基本业态 8/8' }).first();
    const x = Number(/基本业态 (\d)\/8/.exec(await withGap.innerText())?.[1]);
    await withGap.tap();
    await page.locator('.basic-count:visible').waitFor();
    expect(await page.locator('.basic-count:visible').innerText()).toBe(`基本业态 ${x}/8`);
    const rows = page.locator('.category-row:visible');
    expect(await rows.count()).toBe(8);
    expect(await page.locator('.category-row.is-missing:visible').count()).toBe(8 - x);
    expect(await page.locator('.member:visible').count()).toBeGreaterThan(0);
  });

  it('shows a street worker the gaps of their street with siting suggestions on the map', async () => {
    const { context, server } = app;
    const page = await context.newPage();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await page.getByText('缺项与选址').tap();
    await page.locator('.gap-item:visible').first().waitFor();
    const chip = page.locator('.chips-wrap:visible .chip').first();
    await chip.tap();
    await page
      .getByText(/新覆盖 \d+ 个社区/)
      .first()
      .waitFor();
    expect(await page.locator('.svg-map:visible .site-pick').count()).toBeGreaterThan(0);
    expect(await page.locator('.svg-map:visible .gap-dot').count()).toBeGreaterThan(0);
  });
});
