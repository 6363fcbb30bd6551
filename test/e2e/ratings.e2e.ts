import { openApp, type E2E } from './browser';

describe('评价: a resident rates an outlet', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('rates an outlet and sees the score and their review', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.getByText('以新居民身份登录').tap();
    await page.getByText('身份：居民').waitFor();
    await page.goto(`${server.url}/#/pages/nearby/index?lng=116.3874&lat=39.9035&label=test`);
    const first = page.locator('.outlet-card:visible').first();
    await first.waitFor();
    await first.tap();
    await page.getByText('暂无评分').waitFor();

    await page.locator('.star-4').tap();
    await page.locator('.review-text textarea').fill('菜很新鲜，老板热情');
    await page.locator('.submit-review').tap();
    await page.getByText('评价已发布').waitFor();
    // One 4-star rating: (10 × 3.8 + 4) / 11 = 3.82
    await page.locator('.score-value').getByText('3.8').waitFor();
    await page.getByText('1 条评价（贝叶斯平均分）').waitFor();
    await page.locator('.review-item').getByText('菜很新鲜，老板热情').waitFor();
    await page.getByText('我的评价（可修改）').waitFor();
  });
});
