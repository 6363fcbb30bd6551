import { openApp, type E2E } from './browser';

/** Saturday 28 November 2026, 08:00 in Beijing: breakfast is open, most hair salons are not yet. */
const SATURDAY_8AM = new Date('2026-11-28T00:00:00Z');

describe('附近: outlets within a ten-minute walk', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp(() => SATURDAY_8AM);
  });
  afterAll(() => app?.close());

  it('lists outlets with walking minutes from a community, narrows to those open, and opens one with today’s hours', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}/#/pages/community/index?code=110102001007`);
    await page.getByText('步行 10 分钟内的便民服务').tap();

    const cards = page.locator('.outlet-card:visible');
    await cards.first().waitFor();
    const all = await cards.count();
    expect(all).toBeGreaterThan(5);
    for (const text of await cards.allTextContents()) {
      expect(text).toMatch(/步行约 \d+ 分钟 · \d+ 米/);
      expect(text).toContain('演示数据');
    }
    const minutes = (await cards.allTextContents()).map((t) => Number(/步行约 (\d+) 分钟/.exec(t)?.[1]));
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(Math.max(...minutes)).toBeLessThanOrEqual(10);
    const before = await cards.allTextContents();
    const openBefore = before.filter((t) => t.includes('营业中'));
    expect(openBefore.length).toBeLessThan(before.length); // at 08:00 some nearby outlets are still closed

    await page.locator('.open-switch:visible').tap();
    await page.waitForFunction((n) => {
      const shown = [...document.querySelectorAll('.outlet-card')].map((e) => e.textContent ?? '');
      return shown.length > 0 && shown.length !== n && shown.every((t) => t.includes('营业中'));
    }, all);
    const open = await cards.allTextContents();
    for (const text of open) expect(text).toContain('营业中');
    // The open outlets of the first unfiltered page are the nearest open ones: they lead the narrowed list.
    expect(open.slice(0, openBefore.length)).toEqual(openBefore);

    const first = cards.first();
    const today = /今日 (.+)$/.exec(await first.innerText())?.[1]?.trim();
    await first.tap();
    await page.getByText('今日营业时间').waitFor();
    await page.locator('.today-state:visible').getByText('营业中').waitFor();
    expect((await page.locator('.today-hours:visible').innerText()).trim()).toBe(today);
  });

  it('draws the outlets on a map of the district', async () => {
    const { context, server } = app;
    const page = await context.newPage(); // a fresh page: opened straight on 附近, as from a shared link
    await page.goto(`${server.url}/#/pages/nearby/index?lng=116.374&lat=39.907&label=test`);
    await page.locator('.outlet-card:visible').first().waitFor();
    await page.locator('.mode:visible', { hasText: '地图' }).tap();
    await page.locator('.svg-map:visible polygon').waitFor();
    expect(await page.locator('.svg-map:visible .map-marker').count()).toBe(
      await page.locator('.outlet-card:visible').count(),
    );
  });
});
