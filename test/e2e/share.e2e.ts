import { deliverMessages, recordingSender } from '../../cloudfunctions/areas/messages';
import { openApp, type E2E } from './browser';
import { api, signInApi } from './api';

/**
 * 复制链接: in the browser the copied address of an event opens that event for someone else, signed in or not. A
 * survey opened by someone outside its audience says whom it is for. Admins see what the local sender sent.
 */

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

  it('a street survey opened by someone of another street names its audience and shows no form; a resident of the street gets the form', async () => {
    const { server } = app;
    const base = server.url;
    const worker = await signInApi(base, `worker-${STREET}`);
    const now = Date.now();
    const survey = await api<{ id: string }>(base, worker, 'surveys.create', {
      title: '西长安街早餐点调查',
      target: { kind: 'street', streetCode: STREET },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 7 * DAY).toISOString(),
      questions: [{ kind: 'single', title: '您在哪里吃早餐', options: ['家里', '早餐店'] }],
    });
    const url = `${base}/#/pages/survey/index?id=${survey.id}`;
    const asResident = async (home: string) => {
      const person = await app.newPerson();
      await person.goto(`${base}/#/pages/mine/index`);
      await person.getByText('以新居民身份登录').tap();
      await person.getByText('身份：居民').waitFor();
      // The home community, set through the API with the session the app keeps (Taro's storage: `{ data }` JSON).
      const token = await person.evaluate(
        () => (JSON.parse(localStorage.getItem('xc-session') ?? '{}') as { data?: { token?: string } }).data?.token,
      );
      expect(token).toBeTruthy();
      await api(base, token!, 'auth.setHome', { communityCode: home });
      await person.reload();
      return person;
    };
    // Someone living in another street (德胜街道's community).
    const outsider = await asResident('110102015001');
    await outsider.goto(url);
    const block = outsider.locator('.page.survey .survey-audience-outside');
    await block.waitFor();
    expect(await block.innerText()).toContain('这份问卷面向西长安街街道的居民');
    expect(await block.innerText()).toContain('不在这份问卷的范围内');
    expect(await outsider.locator('.page.survey .submit-survey').count()).toBe(0);
    expect(await outsider.locator('.page.survey .question').count()).toBe(0);
    await outsider.context().close();

    const insider = await asResident('110102001007');
    await insider.goto(url);
    await insider.locator('.page.survey .submit-survey').waitFor();
    expect(await insider.locator('.page.survey .survey-audience').innerText()).toContain('面向西长安街街道的居民');
    expect(await insider.locator('.page.survey .survey-audience-outside').count()).toBe(0);
    await insider.context().close();
  }, 90000);

  it('an admin finds 消息发送记录 on 我的: each recorded message with a masked recipient, kind, title, time and state', async () => {
    const { page, server } = app;
    const base = server.url;
    const worker = await signInApi(base, `worker-${STREET}`);
    const now = Date.now();
    const created = await api<{ event: { id: string } }>(base, worker, 'events.create', {
      title: '便民服务进社区·修自行车',
      theme: '便民服务',
      streetCode: STREET,
      placeName: '西交民巷社区活动室',
      lng: 116.37052,
      lat: 39.91137,
      startAt: new Date(now + 3 * DAY).toISOString(),
      endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
      deadline: new Date(now + 2 * DAY).toISOString(),
      capacity: 5,
      categories: ['repair'],
    });
    const openid = `subscriber-${now}`;
    const { token } = await api<{ token: string }>(base, null, 'auth.devLogin', { openid });
    await api(base, token, 'messages.subscribe', { kinds: ['eventCancelled'] });
    await api(base, token, 'events.join', { id: created.event.id });
    await api(base, worker, 'events.cancel', { id: created.event.id });
    // The delivery job runs every minute on the server; run it now against the same store.
    await deliverMessages(
      server.store,
      recordingSender(server.store, () => new Date()),
      () => new Date(),
    );

    await page.goto(`${base}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '演示区商务局管理员' }).first().tap();
    await page.locator('.me-name', { hasText: '演示区商务局管理员' }).waitFor();
    await page.locator('.sent-link').tap();
    const item = page.locator('.page.sent-messages .sent-item').first();
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('活动取消');
    expect(text).toContain('已发送');
    expect(text).toMatch(/收件人 用户 [0-9a-f]{8}/);
    expect(text).toContain('发送于');
    expect(await page.locator('.page.sent-messages').innerText()).not.toContain(openid);
  }, 90000);
});
