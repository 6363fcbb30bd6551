import { openApp, type E2E } from './browser';
import { api, signInApi } from './api';

/**
 * 消息: a resident waiting for a full event is promoted when a confirmed person leaves, sees the unread count on
 * 我的, finds the 候补转正式 message in 消息, and its tap opens that event; the count then goes down by one.
 */

const STREET = '110102001';
const SPOT = { lng: 116.37052, lat: 39.91137 };
const DAY = 24 * 3600 * 1000;

async function fullEvent(base: string, worker: string, title: string): Promise<string> {
  const now = Date.now();
  const created = await api<{ event: { id: string } }>(base, worker, 'events.create', {
    title,
    theme: '便民服务',
    streetCode: STREET,
    placeName: '西交民巷社区活动室',
    ...SPOT,
    startAt: new Date(now + 3 * DAY).toISOString(),
    endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
    deadline: new Date(now + 2 * DAY).toISOString(),
    capacity: 1,
    categories: ['repair'],
  });
  return created.event.id;
}

describe('消息: a promoted resident is told, and the message opens the event', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  }, 60000);
  afterAll(() => app?.close());

  it('shows the unread count on 我的, lists 候补转正式 as unread, opens the event on tap and counts one less', async () => {
    const { page, server } = app;
    const base = server.url;
    const worker = await signInApi(base, `worker-${STREET}`);
    const first = await fullEvent(base, worker, '便民服务进社区·磨刀修伞');
    const second = await fullEvent(base, worker, '便民服务进社区·家电清洗');
    const other = (
      await api<{ token: string }>(base, null, 'auth.devLogin', { openid: `resident-first-${Date.now()}` })
    ).token;
    await api(base, other, 'events.join', { id: first });
    await api(base, other, 'events.join', { id: second });

    // The resident waits for both seats.
    await page.goto(`${base}/#/pages/mine/index`);
    await page.getByText('以新居民身份登录').tap();
    await page.getByText('身份：居民').waitFor();
    expect((await page.locator('.messages-link').innerText()).trim()).toBe('消息');
    for (const id of [first, second]) {
      await page.goto(`${base}/#/pages/event/index?id=${id}`);
      await page.locator('.join', { hasText: '报名候补' }).tap();
      await page.getByText('候补第 1 位', { exact: false }).waitFor();
    }

    // The confirmed person leaves both: two seats free, two messages.
    await api(base, other, 'events.leave', { id: first });
    await api(base, other, 'events.leave', { id: second });

    await page.goto(`${base}/#/pages/mine/index`);
    await page.locator('.messages-link', { hasText: '消息（2 条未读）' }).waitFor();
    await page.locator('.messages-link').tap();

    const cards = page.locator('.messages .message');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    await page.locator('.messages .unread-count', { hasText: '2 条未读' }).waitFor();
    const card = cards.filter({ hasText: '磨刀修伞' });
    const text = await card.innerText();
    expect(text).toContain('候补转正式');
    expect(text).toContain('未读');
    await card.tap();

    // The event the message is about, with the resident now confirmed.
    await page.waitForFunction(
      (id) => location.hash.includes('pages/event/index') && location.hash.includes(`id=${id}`),
      first,
    );
    await page.locator('.page.event').getByText('磨刀修伞').first().waitFor();
    await page.locator('.page.event').getByText('我的状态：已报名').waitFor();

    // One message left unread, on 我的 and in 消息 (where the opened one now says 已读).
    await page.goto(`${base}/#/pages/mine/index`);
    await page.locator('.messages-link', { hasText: '消息（1 条未读）' }).waitFor();
    await page.locator('.messages-link').tap();
    await page.locator('.messages .message.message-read', { hasText: '磨刀修伞' }).getByText('已读').waitFor();
    expect(await page.locator('.messages .message-unread').count()).toBe(1);
    await page.locator('.messages .message-unread', { hasText: '家电清洗' }).waitFor();

    // 全部标为已读 leaves none.
    await page.locator('.read-all').tap();
    await page.locator('.messages .unread-count', { hasText: '没有未读消息' }).waitFor();
    expect(await page.locator('.messages .message-unread').count()).toBe(0);
  }, 90000);
});
