import path from 'node:path';
import type { Page } from 'playwright-core';
import { wgs84ToGcj02 } from '../../src/services/coords';
import { api, signInApi } from './api';
import { openApp, type E2E } from './browser';
import { pickOnMap, tapOutside } from './map-picker';

const LICENCE = path.resolve(__dirname, '../../src/assets/marker.png');
const NOT_AN_IMAGE = path.resolve(__dirname, '../../package.json');
/** A place in 西长安街街道 (GCJ-02) where the merchant's outlet is. */
const SPOT = { lng: 116.37052, lat: 39.91137 };
/** What a person must never read: code paths, field names, schema words. */
const JARGON = /[a-z]+\.[0-9]+\.|creditCode|string >=/;

const metres = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) =>
  Math.hypot((a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 110_540);

async function noJargon(page: Page) {
  expect(await page.locator('body').innerText()).not.toMatch(JARGON);
}

async function fillOutlet(page: Page, name: string, at: { lng: number; lat: number }) {
  const card = page.locator('.outlet-0');
  await card.locator('.field-outlet-name input').fill(name);
  await card.locator('.field-outlet-address input').fill('西城区测试路 1 号');
  await card.locator('.chip', { hasText: '西长安街' }).tap();
  const chosen = await pickOnMap(card.locator('.map-picker'), at);
  await card.locator('.chip', { hasText: '蔬菜零售' }).tap();
  return chosen;
}

describe('地点与时间: map picker, hours editor, pickers, 一照多址, optional questions', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('centres 附近 on the browser position converted from WGS-84 to GCJ-02', async () => {
    const wgs = { lng: 116.36605, lat: 39.91216 };
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
    });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: wgs.lng, latitude: wgs.lat });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/pages/nearby/index`);
    const asked = page.waitForRequest((r) => r.url().endsWith('/api/outlets') && /"nearby"/.test(r.postData() ?? ''));
    await page.locator('.locate').tap();
    const sent = JSON.parse((await asked).postData() ?? '{}') as { data: { lng: number; lat: number } };
    const expected = wgs84ToGcj02(wgs);
    expect(metres(sent.data, expected)).toBeLessThan(0.5);
    expect(metres(sent.data, wgs)).toBeGreaterThan(300); // really converted, not the raw position
    await page.getByText('从 我的位置 出发').waitFor();
    await noJargon(page);
    await context.close();
  });

  it('a merchant registers on the map with the hours editor, adds a second outlet to the licence, and edits one', async () => {
    const { server } = app;
    const page = await app.newPerson();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.getByText('以新居民身份登录').tap();
    await page.getByText('我是商户：登记网点').tap();
    await page.locator('.field-creditCode input').waitFor();

    // Everything wrong is said at once, under each field, in words a person reads.
    await page.locator('.field-outlet-name input').fill('x');
    await page.locator('.submit').tap();
    await page.getByText(/有 \d+ 处需要修改/).waitFor();
    expect(await page.locator('.form-error').count()).toBeGreaterThanOrEqual(8);
    await page.getByText('请在地图上点选网点位置').waitFor();
    await noJargon(page);

    // A file that is not a photo says so.
    let chooser = page.waitForEvent('filechooser');
    await page.locator('.upload-licence').tap();
    await (await chooser).setFiles(NOT_AN_IMAGE);
    await page.getByText(/不是图片/).waitFor();
    chooser = page.waitForEvent('filechooser');
    await page.locator('.upload-licence').tap();
    await (await chooser).setFiles(LICENCE);
    await page.locator('.licence-preview').waitFor();

    await page.locator('.field-creditCode input').fill('91350100M000100Y43');
    await page.locator('.field-legalName input').fill('北京测试便民服务有限公司');
    await page.locator('.field-contactName input').fill('王经理');
    await page.locator('.field-contactPhone input').fill('010-66000000');
    // A tap outside the district is refused.
    await tapOutside(page.locator('.outlet-0 .map-picker'));
    await page.getByText('所选位置不在西城区范围内，请在虚线轮廓内选择').waitFor();
    const chosen = await fillOutlet(page, '地图选点鲜菜店', SPOT);
    // Hours: Saturday a lunch break, Sunday closed, Friday till 02:00 the next day.
    const hours = page.locator('.outlet-0 .hours-editor');
    await hours.locator('.day-6 .preset-closed').tap();
    await hours.locator('.day-5 .add-range').tap();
    await hours.locator('.field-d5-r0-end input').fill('12:00');
    await hours.locator('.field-d5-r1-start input').fill('14:00');
    await hours.locator('.field-d4-r0-end input').fill('02:00');
    await hours.locator('.day-4 .day-summary').getByText('08:00–次日02:00').waitFor();
    await page.locator('.submit').tap();
    await page.locator('.my-outlet:visible', { hasText: '地图选点鲜菜店' }).waitFor();

    // The reviewer sees the chosen point and hours.
    const worker = await signInApi(server.url, 'worker-110102001');
    const queue = await api<{ items: { outlet: { id: string; name: string } }[] }>(
      server.url,
      worker,
      'reviews.queue',
      {
        streetCode: '110102001',
      },
    );
    const id = queue.items.find((i) => i.outlet.name === '地图选点鲜菜店')!.outlet.id;
    const review = await api<{
      outlet: { location: { coordinates: [number, number] }; hours: { week: [string, string][][] } };
    }>(server.url, worker, 'reviews.get', { outletId: id });
    const [lng, lat] = review.outlet.location.coordinates;
    // Within the half pixel a tap is rounded to (about 2 m at the zoomed scale).
    expect(metres({ lng, lat }, chosen)).toBeLessThan(3);
    expect(metres({ lng, lat }, SPOT)).toBeLessThan(10);
    expect(review.outlet.hours.week[4]).toEqual([['08:00', '02:00']]);
    expect(review.outlet.hours.week[5]).toEqual([
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ]);
    expect(review.outlet.hours.week[6]).toEqual([]);
    const reviewer = await app.newPerson();
    await reviewer.goto(`${server.url}/#/pages/mine/index`);
    await reviewer.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await reviewer.getByText('身份：社区工作者（演示账号）').waitFor();
    await reviewer.goto(`${server.url}/#/subpackages/worker/review/index?id=${id}`);
    await reviewer.locator('.review-hours').getByText('周六 08:00–12:00、14:00–18:00').waitFor();
    await reviewer.locator('.review-hours').getByText('周五 08:00–次日02:00').waitFor();
    await reviewer.locator('.review-hours').getByText('周日 休息').waitFor();

    // 一照多址: a second outlet under the same licence, with no upload.
    let uploads = 0;
    page.on('filechooser', () => uploads++);
    await page.locator('.add-for-licence').first().tap();
    await page.locator('.held-licence').getByText('北京测试便民服务有限公司').waitFor();
    expect(await page.locator('.upload-licence').count()).toBe(0);
    await fillOutlet(page, '地图选点鲜菜店二店', { lng: 116.3722, lat: 39.9105 });
    await page.locator('.submit').tap();
    await page.locator('.my-outlet:visible', { hasText: '地图选点鲜菜店二店' }).waitFor();
    expect(await page.locator('.my-outlet:visible').count()).toBe(2);
    expect(uploads).toBe(0);

    // An edit shows on 我的网点 at once.
    await page.locator('.my-outlet:visible', { hasText: '地图选点鲜菜店二店' }).getByText('编辑').tap();
    await page.locator('.field-name input').fill('地图选点鲜菜店西单店');
    await page.locator('.save').tap();
    await page.locator('.my-outlet:visible .outlet-name', { hasText: '地图选点鲜菜店西单店' }).waitFor();
    await noJargon(page);
  });

  it('a worker posts an event with the date and time pickers; an optional question can be skipped', async () => {
    const { server } = app;
    const page = await app.newPerson();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await page.getByText('发布活动').tap();
    await page.locator('.field-title input').fill('地点时间测试活动');
    await page.locator('.submit').tap();
    await page.getByText('请选择活动日期').waitFor();
    await page.getByText('请选择社区，或在地图上点选活动地点').waitFor();
    await noJargon(page);
    await pickOnMap(page.locator('.map-picker'), SPOT);
    const day = new Date(Date.now() + 10 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const before = new Date(Date.now() + 8 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await page.locator('.field-date input').fill(day);
    await page.locator('.field-start input').fill('14:00');
    await page.locator('.field-end input').fill('16:30');
    await page.locator('.field-deadlineDate input').fill(before);
    await page.locator('.field-deadlineTime input').fill('20:00');
    await page.locator('.field-placeName input').fill('西交民巷社区活动室');
    await page.locator('.submit').tap();
    await page.locator('.manage-title').getByText('地点时间测试活动').waitFor();
    const events = await api<{ event: { title: string; startAt: string; endAt: string } }[]>(
      server.url,
      null,
      'events.list',
      { streetCode: '110102001' },
    );
    const posted = events.find((e) => e.event.title === '地点时间测试活动')!;
    expect(posted.event.startAt).toBe(new Date(`${day}T14:00:00+08:00`).toISOString());
    expect(posted.event.endAt).toBe(new Date(`${day}T16:30:00+08:00`).toISOString());

    // A survey with a 选答 question.
    await page.goto(`${server.url}/#/subpackages/worker/survey-new/index`);
    await page.locator('.field-survey-title input').fill('选答测试问卷');
    await page.locator('.field-survey-closes input').fill(day);
    await page.locator('.q-0 .q-title input').fill('您多久买一次菜？');
    await page.locator('.q-0 .q-options input').fill('每天,每周两三次');
    await page.locator('.add-question').tap();
    await page.locator('.q-1 .q-title input').fill('还有什么建议（可不答）');
    await page.locator('.q-1 .q-optional').tap();
    await page.locator('.submit-survey').tap();
    await page.locator('.results-total').waitFor();
    const surveyId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;

    const resident = await app.newPerson();
    await resident.goto(`${server.url}/#/pages/mine/index`);
    await resident.getByText('以新居民身份登录').tap();
    await resident.locator('.home-picker .row').tap();
    await resident.locator('.home-picker .chip', { hasText: '西长安街' }).tap();
    await resident.locator('.home-choice', { hasText: '西交民巷' }).tap();
    await resident.locator('.home-current').getByText('西交民巷社区居委会').waitFor();
    await resident.goto(`${server.url}/#/pages/survey/index?id=${surveyId}`);
    await resident.getByText('选答题，可不填').waitFor();
    await resident.locator('.chip', { hasText: '每天' }).tap();
    await resident.locator('.submit-survey').tap();
    await resident.getByText(/您已提交这份问卷/).waitFor();
    await noJargon(resident);
  });

  it("a street worker locates a community on the map and sees the street's remaining count go down", async () => {
    const { server } = app;
    const page = await app.newPerson();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await page.getByText('补充社区位置').tap();
    const remaining = page.locator('.remaining');
    await remaining.getByText(/还有 \d+ 个社区待补充位置/).waitFor();
    const before = Number(/还有 (\d+) 个/.exec(await remaining.innerText())![1]);
    expect(before).toBeGreaterThan(0);
    const first = page.locator('.unlocated').first();
    await first.locator('.row').tap();
    await pickOnMap(first.locator('.map-picker'), { lng: 116.3745, lat: 39.9075 });
    await first.locator('.save-location').tap();
    await remaining.getByText(`还有 ${before - 1} 个社区待补充位置`).waitFor();
    await noJargon(page);

    // Residents see the community's street, never its coordinates.
    await page.goto(`${server.url}/#/pages/community/index?code=110102001007`);
    await page.locator('.place-name').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/经度|纬度|GCJ|\d{3}\.\d{4}/);
  });
});
