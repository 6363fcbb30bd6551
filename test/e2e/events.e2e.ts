import { openApp, type E2E } from './browser';

/** Saturday 28 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-28T02:00:00Z');

describe('活动: a worker posts an event and a resident joins it', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp(() => NOW);
  });
  afterAll(() => app?.close());

  it('posts an event as the street worker, then a resident signs up and sees 已报名 with their status', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await page.getByText('发布活动').tap();
    await page.locator('.field-title input').waitFor();

    // Field-level validation first: nothing filled in.
    await page.locator('.submit').tap();
    await page.getByText('请填写活动名称（至少 2 个字）').waitFor();

    await page.locator('.field-title input').fill('便民服务进社区·磨刀修伞');
    await page.locator('.chip', { hasText: '西交民巷' }).tap();
    await page.locator('.field-date input').fill('2026-12-05');
    await page.locator('.field-deadlineDate input').fill('2026-12-04');
    await page.locator('.field-capacity input').fill('2');
    await page.locator('.chip', { hasText: '便民维修' }).tap();
    await page.locator('.submit').tap();
    await page.locator('.manage-title').getByText('便民服务进社区·磨刀修伞').waitFor();
    await page.getByText('已报名 0/2').waitFor();

    const resident = await app.newPerson();
    await resident.goto(`${server.url}/#/pages/mine/index`);
    await resident.getByText('以新居民身份登录').tap();
    await resident.getByText('身份：居民').waitFor();
    await resident.goto(`${server.url}/#/pages/events/index`);
    const card = resident.locator('.event-card').filter({ hasText: '便民服务进社区·磨刀修伞' });
    await card.waitFor();
    expect(await card.innerText()).toContain('已报名 0 / 共 2');
    await card.tap();
    await resident.locator('.join').tap();
    await resident.getByText('我的状态：已报名').waitFor();
    await resident.getByText('已报名 1 / 共 2').waitFor();
    const code = (await resident.locator('.checkin-code').innerText()).trim();
    expect(code).toMatch(/^\d{7}$/);
    // The QR code (an SVG in the browser build): more than 50 dark modules, drawn at a size a scanner reads.
    expect((await resident.locator('.qr path').getAttribute('d'))?.match(/h1v1h-1z/g)?.length ?? 0).toBeGreaterThan(50);
    expect((await resident.locator('.qr').boundingBox())?.height ?? 0).toBeGreaterThan(100);

    // The worker sees the sign-up in the attendee list.
    await page.reload();
    await page.getByText('已报名 1/2').waitFor();
  });
});
