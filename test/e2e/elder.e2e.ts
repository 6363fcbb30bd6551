import type { Page } from 'playwright-core';
import { api, registerOutlet, signInApi } from './api';
import { openApp, type E2E } from './browser';

/** Saturday 28 November 2026, 08:00 in Beijing: breakfast places are open. */
const SATURDAY_8AM = new Date('2026-11-28T00:00:00Z');
const STREET = '110102001';
const HOME = '110102001007';
const SPOT = { lng: 116.37052, lat: 39.91137 };

async function signInOnMine(page: Page, base: string, label: string) {
  await page.goto(`${base}/#/pages/mine/index`);
  await page.locator('.account-item:visible').filter({ hasText: label }).first().tap();
  await page.locator('.me-name:visible', { hasText: label }).waitFor();
}

describe('长辈版: large text, one-tap services, a call button, remembered per person', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp(() => SATURDAY_8AM);
  });
  afterAll(() => app?.close());

  it('turns on from the home page, asks "附近哪里能…" with the eight basic services, and is remembered per person', async () => {
    const { page, server } = app;
    const resident = await signInApi(server.url, 'resident');
    await api(server.url, resident, 'auth.setHome', { communityCode: HOME });
    await signInOnMine(page, server.url, '演示居民');

    await page.goto(`${server.url}/#/pages/index/index`);
    await page.locator('.street-item:visible').first().waitFor();
    await page.locator('.home .elder-toggle:visible input').tap();
    const tiles = page.locator('.page.home.elder .elder-tile:visible');
    await tiles.first().waitFor();
    expect(await tiles.allInnerTexts()).toEqual(
      ['买菜', '吃早餐', '便利店', '理发', '找家政', '洗衣服', '修东西', '取快递'].map((w) =>
        expect.stringContaining(w),
      ),
    );
    expect(await page.locator('.page.home .street-item:visible').count()).toBe(0); // the simplified home
    const words = await page
      .locator('.elder-tile .elder-words')
      .first()
      .evaluate((e) => getComputedStyle(e).fontSize);
    expect(parseFloat(words)).toBeGreaterThanOrEqual(24);
    const tile = await tiles.first().boundingBox();
    expect(tile!.height).toBeGreaterThanOrEqual(60);

    // One tap: breakfast within ten minutes of my community.
    await tiles.filter({ hasText: '吃早餐' }).tap();
    const cards = page.locator('.page.nearby.elder .outlet-card:visible');
    await cards.first().waitFor();
    for (const text of await cards.allInnerTexts()) expect(text).toContain('早餐');
    expect(await page.locator('.page.nearby.elder .origin-label:visible').innerText()).toContain('西交民巷');

    // Remembered after a reload, and only for this person.
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.reload();
    await page.locator('.page.home.elder .elder-tile:visible').first().waitFor();
    await signInOnMine(page, server.url, '演示商户');
    await page.locator('.page.mine:not(.elder):visible').waitFor();
    await signInOnMine(page, server.url, '演示居民');
    await page.locator('.page.mine.elder:visible').waitFor();

    // Turned off in 我的: the standard home comes back.
    await page.locator('.mine .elder-toggle:visible input').tap();
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.locator('.page.home:not(.elder) .street-item:visible').first().waitFor();
  });

  it('shows an outlet with a large call button first, cash and 老年卡 first among payments, and 无障碍 in words', async () => {
    const { server } = app;
    const merchant = await signInApi(server.url, 'merchant');
    const id = await registerOutlet(server.url, merchant, { name: '长辈版测试早点铺', streetCode: STREET, ...SPOT });
    const worker = await signInApi(server.url, `worker-${STREET}`);
    await api(server.url, worker, 'reviews.decide', { outletId: id, decision: 'approve' });
    await api(server.url, merchant, 'merchants.updateOutlet', {
      id,
      phone: '010-66001234',
      payment: ['wechatPay', 'bankCard', 'elderCard', 'cash'],
      accessible: true,
    });

    const page = await app.newPerson();
    await signInOnMine(page, server.url, '演示居民');
    await page.locator('.mine .elder-toggle:visible input').tap();
    await page.locator('.page.mine.elder:visible').waitFor();
    await page.goto(`${server.url}/#/pages/outlet/index?id=${id}`);
    const call = page.locator('.page.outlet.elder .call-big:visible');
    await call.waitFor();
    expect(await call.innerText()).toContain('拨打电话');
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    // The call button comes before the hours, the reviews and everything else.
    const order = await page.evaluate(() => {
      const root = [...document.querySelectorAll('.page.outlet.elder')].find(
        (e) => e.getBoundingClientRect().height > 0,
      )!;
      const call = root.querySelector('.call-big')!;
      const hours = root.querySelector('.today-hours')!;
      return call.compareDocumentPosition(hours) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(await page.locator('.page.outlet .payment:visible').innerText()).toMatch(/^支付方式：现金、老年卡、/);
    await page.locator('.page.outlet .accessible:visible', { hasText: '无障碍' }).waitFor();

    // In the standard mode the call button stays with the other actions at the end.
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.mine .elder-toggle:visible input').tap();
    await page.locator('.page.mine:not(.elder):visible').waitFor();
    // A fresh tab (same person and storage) so that no page of the earlier visit is on the stack.
    const standard = await page.context().newPage();
    await standard.goto(`${server.url}/#/pages/outlet/index?id=${id}`);
    await standard.locator('.page.outlet:not(.elder) .actions', { hasText: '拨打电话' }).waitFor();
    expect(await standard.locator('.page.outlet .call-big').count()).toBe(0);
  });
});
