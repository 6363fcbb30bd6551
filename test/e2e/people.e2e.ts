import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openApp, type E2E } from './browser';
import { api, registerOutlet, signInApi } from './api';

/**
 * People, lists and exports: merchant replies, attendee lists with nicknames and masked phones, the check-in QR
 * code, fresh lists after a change, the review page, sign-in from signed-out pages and .xlsx exports.
 */

const STREET = '110102001';
const SPOT = { lng: 116.37052, lat: 39.91137 };
const DAY = 24 * 3600 * 1000;
/** Text no page may show: code paths, schema field names, validation jargon. */
const JARGON = /[a-z]+\.[0-9]+\.|creditCode|string >=/;

async function signIn(page: Page, base: string, label: string) {
  await page.goto(`${base}/#/pages/mine/index`);
  await page.locator('.account-item').filter({ hasText: label }).first().tap();
  await page.getByText('退出登录').waitFor();
}

async function noJargon(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(JARGON);
}

async function newEvent(base: string, capacity: number, title: string): Promise<string> {
  const worker = await signInApi(base, `worker-${STREET}`);
  const now = Date.now();
  const { event } = await api<{ event: { id: string } }>(base, worker, 'events.create', {
    title,
    theme: '便民服务',
    streetCode: STREET,
    placeName: '西交民巷社区活动室',
    ...SPOT,
    startAt: new Date(now + 3 * DAY).toISOString(),
    endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
    deadline: new Date(now + 2 * DAY).toISOString(),
    capacity,
  });
  return event.id;
}

describe('people, lists and exports', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('lets a merchant reply to a review of their own outlet (no rating form there), and the resident sees it', async () => {
    const base = app.server.url;
    const merchant = await signInApi(base, 'merchant');
    const outletId = await registerOutlet(base, merchant, { name: '回复测试鲜菜店', streetCode: STREET, ...SPOT });
    const worker = await signInApi(base, `worker-${STREET}`);
    await api(base, worker, 'reviews.decide', { outletId, decision: 'approve' });

    const resident = await app.newPerson();
    await resident.goto(`${base}/#/pages/mine/index`);
    await resident.getByText('以新居民身份登录').tap();
    await resident.getByText('身份：居民').waitFor();
    await resident.goto(`${base}/#/pages/outlet/index?id=${outletId}`);
    await resident.locator('.star-4').tap();
    await resident.locator('.review-text textarea').fill('菜很新鲜，就是早上开门晚了点');
    await resident.locator('.submit-review').tap();
    await resident.getByText('评价已发布').waitFor();

    const page = await app.newPerson();
    await signIn(page, base, '演示商户');
    await page.goto(`${base}/#/pages/outlet/index?id=${outletId}`);
    await page.getByText('这是您的网点：可以回复居民的评价，不能给自己评分。').waitFor();
    expect(await page.locator('.star-picker:visible').count()).toBe(0);
    await page.locator('.reply-button:visible').getByText('回复').tap();
    await page.locator('.reply-text:visible textarea').fill('谢谢您，我们已提前到七点开门');
    await page.locator('.send-reply:visible').tap();
    await page.getByText('商家回复：谢谢您，我们已提前到七点开门').waitFor();
    await page.locator('.reply-button:visible').getByText('修改回复').waitFor();
    await noJargon(page);

    await resident.reload();
    await resident.getByText('商家回复：谢谢您，我们已提前到七点开门').waitFor();
  });

  it('shows a worker the attendees by nickname with a masked phone, and exports a workbook that opens', async () => {
    const base = app.server.url;
    const id = await newEvent(base, 1, '人员名单测试活动');
    const withPhone = await api<{ token: string; user: { nickname: string } }>(base, null, 'auth.devLogin', {
      openid: 'resident-e2e-phone',
    });
    const without = await api<{ token: string; user: { nickname: string } }>(base, null, 'auth.devLogin', {
      openid: 'resident-e2e-nophone',
    });
    await api(base, withPhone.token, 'events.join', { id, phone: '13812341234' });
    await api(base, without.token, 'events.join', { id }); // waitlisted

    const page = await app.newPerson();
    await signIn(page, base, '演示街道工作人员（西长安街街道）');
    await page.goto(`${base}/#/subpackages/worker/event-manage/index?id=${id}`);
    await page.locator('.attendee-name').first().waitFor();
    const names = await page.locator('.attendee-name:visible').allInnerTexts();
    expect(names).toEqual([withPhone.user.nickname, without.user.nickname]);
    await page.getByText('138****1234').waitFor();
    expect(await page.locator('.attendee-phone:visible .call').count()).toBe(1);
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('13812341234');
    expect(body).not.toContain('resident-e2e');
    await noJargon(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-xlsx').tap()]);
    expect(download.suggestedFilename()).toBe('人员名单测试活动-报名名单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('B1').value).toBe('昵称');
    expect(sheet.getCell('B2').value).toBe(withPhone.user.nickname);
    expect(sheet.getCell('C3').value).toBe('候补');
  });

  it('shows the check-in QR code at a readable size once a seat is taken', async () => {
    const base = app.server.url;
    const id = await newEvent(base, 10, '签到码测试活动');
    const page = await app.newPerson();
    await page.goto(`${base}/#/pages/mine/index`);
    await page.getByText('以新居民身份登录').tap();
    await page.getByText('身份：居民').waitFor();
    await page.goto(`${base}/#/pages/event/index?id=${id}`);
    await page.locator('.contact-phone input').fill('13900001111');
    await page.locator('.join').tap();
    await page.locator('.checkin-code').waitFor();
    const box = await page.locator('.qr:visible').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(box?.width ?? 0).toBeGreaterThan(100);
    await noJargon(page);
  });

  it('shows a join on the events list when the person comes back to it, and demo events marked 演示数据', async () => {
    const base = app.server.url;
    await newEvent(base, 30, '列表刷新测试活动');
    const page = await app.newPerson();
    await page.goto(`${base}/#/pages/mine/index`);
    await page.getByText('以新居民身份登录').tap();
    await page.getByText('身份：居民').waitFor();
    await page.goto(`${base}/#/pages/events/index`);
    const card = page.locator('.event-card:visible').filter({ hasText: '列表刷新测试活动' });
    await card.waitFor();
    expect(await card.innerText()).toContain('已报名 0 / 共 30');
    expect(await page.locator('.event-card:visible').filter({ hasText: '演示数据' }).count()).toBeGreaterThan(0);
    await card.tap();
    await page.locator('.join').tap();
    await page.getByText('我的状态：已报名').waitFor();
    await page.locator('.taro-navigation-bar-back[aria-label="返回"]').tap();
    await card.getByText('已报名 1 / 共 30').waitFor();
    await card.locator('.my-status').getByText('已报名').waitFor();
    await noJargon(page);
  });

  it('shows the new name on the 生活圈 tab after an admin renames a circle, without a reload', async () => {
    const base = app.server.url;
    const page = await app.newPerson();
    await signIn(page, base, '演示区商务局管理员');
    await page.locator('.taro-tabbar__tabbar').getByText('生活圈').tap();
    const first = page.locator('.circle-item:visible').first();
    await first.waitFor();
    const oldName = await first.locator('.circle-name').innerText();
    await first.tap();
    const input = page.locator('.circle-name:visible input');
    await input.waitFor();
    await input.fill('西长安街改名测试生活圈');
    await page.locator('.admin-edit:visible').getByText('保存').tap();
    await page.getByText('✓ 已保存').waitFor();
    await noJargon(page);
    // The title bar's back button (the browser build's), back to the tab kept in memory.
    await page.locator('.taro-navigation-bar-back[aria-label="返回"]').tap();
    await page.locator('.circle-item:visible').getByText('西长安街改名测试生活圈').waitFor();
    expect(await page.locator('.circle-item:visible').getByText(oldName, { exact: true }).count()).toBe(0);
    await noJargon(page);
  });

  it('shows a review with the outlet on a map, its history in Chinese, and only the decisions that still apply', async () => {
    const base = app.server.url;
    const merchant = await signInApi(base, 'merchant');
    const outletId = await registerOutlet(base, merchant, { name: '审核测试修鞋铺', streetCode: STREET, ...SPOT });
    const page = await app.newPerson();
    await signIn(page, base, '演示街道工作人员（西长安街街道）');
    await page.goto(`${base}/#/subpackages/worker/review/index?id=${outletId}`);
    await page.locator('.svg-map:visible').waitFor();
    await page.getByText(/商户：提交审核/).waitFor();
    await page.locator('.decision-approve').tap();
    await page.getByText(/街道工作人员：待审核 → 已通过/).waitFor();
    expect(await page.locator('.decision-approve:visible').count()).toBe(0);
    expect(await page.locator('.decision-requestChanges:visible').count()).toBe(0);
    await page.locator('.decision-suspend:visible').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/pending|approved|changes_requested|status/);
    expect(body).not.toMatch(/116\.\d{3}|39\.\d{3}/); // no raw coordinates
    await noJargon(page);
  });

  it('names the outlet in the rating queue and asks before deleting a review', async () => {
    const base = app.server.url;
    const merchant = await signInApi(base, 'merchant');
    const name = '评价审核测试早点铺';
    const outletId = await registerOutlet(base, merchant, { name, streetCode: STREET, ...SPOT });
    await api(base, await signInApi(base, `worker-${STREET}`), 'reviews.decide', { outletId, decision: 'approve' });
    const target = { id: outletId, name };
    const rater = await api<{ token: string }>(base, null, 'auth.devLogin', { openid: 'resident-e2e-rude' });
    await api(base, rater.token, 'ratings.submit', { outletId: target.id, stars: 1, text: '老板是傻逼' });
    const page = await app.newPerson();
    await signIn(page, base, '演示街道工作人员（西长安街街道）');
    await page.goto(`${base}/#/subpackages/worker/rating-queue/index`);
    const item = page.locator('.queue-item:visible').filter({ hasText: target.name });
    await item.waitFor();
    await item.getByText('删除').tap();
    await page.getByText('删除评价').waitFor();
    await page.locator('.taro-model__confirm').tap();
    await page.getByText('没有待审核的评价').waitFor();
    await noJargon(page);
  });

  it('offers a sign-in button on a signed-out page, which brings the person back after signing in', async () => {
    const base = app.server.url;
    const page = await app.newPerson();
    await page.goto(`${base}/#/pages/events/index`);
    await page.getByText('我的活动').tap();
    await page.getByText('登录后可以查看我报名的活动').waitFor();
    expect(await page.locator('.sign-in-button:visible').count()).toBe(1);
    await page.goto(`${base}/#/pages/demand/index`);
    await page.getByText('登录后可以反映社区缺少的服务').waitFor();
    await page.locator('.sign-in-button').tap();
    await page.getByText('以新居民身份登录').tap();
    // Back on the page that asked (the browser build may keep the earlier copy of it hidden underneath).
    await page.getByText('您所在社区附近缺少哪项服务？').last().waitFor();
    expect(page.url()).toContain('#/pages/demand/index');
    await noJargon(page);
  });
});
