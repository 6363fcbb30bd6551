import { openApp, type E2E } from './browser';
import { api, signInApi } from './api';

/** 复制链接: in the browser the copied address of an event opens that event for someone else, signed in or not. */

const STREET = '110102001';
const DAY = 24 * 3600 * 1000;

describe('分享 in the browser build', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  }, 60000);
  afterAll(() => app?.close());

  it('copies the link of an event, which opened in a fresh browser context shows that event', async () => {
    const { page, server } = app;
    const base = server.url;
    const worker = await signInApi(base, `worker-${STREET}`);
    const now = Date.now();
    const make = async (title: string) =>
      (
        await api<{ event: { id: string } }>(base, worker, 'events.create', {
          title,
          theme: '便民服务',
          streetCode: STREET,
          placeName: '西交民巷社区活动室',
          lng: 116.37052,
          lat: 39.91137,
          startAt: new Date(now + 3 * DAY).toISOString(),
          endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
          deadline: new Date(now + 2 * DAY).toISOString(),
          capacity: 20,
          categories: ['repair'],
        })
      ).event.id;
    await make('社区义诊·量血压');
    const id = await make('便民服务进社区·配钥匙');

    await page.goto(`${base}/#/pages/event/index?id=${id}`);
    await page.locator('.page.event .event-title', { hasText: '配钥匙' }).waitFor();
    await page.locator('.page.event .copy-link').tap();
    await page.getByText('链接已复制').first().waitFor();
    // The browser build's clipboard also keeps the copied text in storage (Taro's H5 setClipboardData).
    const link = await page.evaluate(() => {
      const raw = localStorage.getItem('taro_clipboard');
      return raw ? (JSON.parse(raw) as { data: string }).data : null;
    });
    expect(link).toBe(`${base}/#/pages/event/index?id=${encodeURIComponent(id)}`);

    const stranger = await app.newPerson();
    await stranger.goto(link!);
    await stranger.locator('.page.event .event-title', { hasText: '便民服务进社区·配钥匙' }).waitFor();
    expect(await stranger.locator('.page.event').innerText()).not.toContain('义诊');
    await stranger.context().close();
  }, 90000);
});
