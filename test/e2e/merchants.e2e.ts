import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type E2E } from './browser';
import { pickOnMap } from './map-picker';

const LICENCE = path.resolve(__dirname, '../../src/assets/marker.png');
const SPOT = { lng: '116.37052', lat: '39.91137' };

async function fillOutlet(page: Page, i: number, name: string, category: string) {
  const card = page.locator(`.outlet-${i}`);
  await card.locator('.field-outlet-name input').fill(name);
  await card.locator('.field-outlet-address input').fill(`西城区测试路 ${i + 1} 号`);
  await card.locator('.chip', { hasText: '西长安街' }).tap();
  await pickOnMap(card.locator('.map-picker'), {
    lng: Number(i === 0 ? SPOT.lng : '116.37060'),
    lat: Number(i === 0 ? SPOT.lat : '39.91140'),
  });
  await card.locator('.chip', { hasText: category }).tap();
}

describe('商户: register, review, and what residents then see', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('a merchant registers a business with two outlets; a worker approves one; a resident finds only that one in 附近', async () => {
    const { server } = app;
    const merchant = await app.newPerson();
    await merchant.goto(`${server.url}/#/pages/mine/index`);
    await merchant.getByText('以新居民身份登录').tap();
    await merchant.getByText('我是商户：登记网点').tap();
    await merchant.locator('.field-creditCode input').waitFor();

    // The check character is verified by the server and the message shows under the field.
    await merchant.locator('.field-creditCode input').fill('91350100M000100Y44');
    await merchant.locator('.field-legalName input').fill('北京测试便民服务有限公司');
    await merchant.locator('.field-contactName input').fill('王经理');
    await merchant.locator('.field-contactPhone input').fill('010-66000000');
    const chooser = merchant.waitForEvent('filechooser');
    await merchant.locator('.upload-licence').tap();
    await (await chooser).setFiles(LICENCE);
    await merchant.locator('.licence-preview').waitFor();
    await fillOutlet(merchant, 0, '测试商户鲜菜店', '蔬菜零售');
    await merchant.locator('.add-outlet').tap();
    await fillOutlet(merchant, 1, '测试商户早点铺', '早餐');
    await merchant.locator('.submit').tap();
    await merchant
      .locator('.field-creditCode .form-error')
      .getByText(/校验位不正确/)
      .waitFor();

    await merchant.locator('.field-creditCode input').fill('91350100M000100Y43');
    await merchant.locator('.submit').tap();
    const mine = merchant.locator('.my-outlet');
    await mine.first().waitFor();
    expect(await mine.count()).toBe(2);
    for (const text of await mine.allTextContents()) expect(text).toContain('待审核');

    const worker = app.page;
    await worker.goto(`${server.url}/#/pages/mine/index`);
    await worker.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await worker.getByText('网点审核').tap();
    await worker.locator('.review-item', { hasText: '测试商户鲜菜店' }).tap();
    await worker.locator('.licence-image').waitFor();
    await worker.locator('.approve').tap();
    await worker.getByText('已处理：已通过').waitFor();

    // The merchant sees the result on their outlets page.
    await merchant.reload();
    await merchant.locator('.my-outlet', { hasText: '测试商户鲜菜店' }).getByText('已通过').first().waitFor();

    const resident = await app.newPerson();
    await resident.goto(`${server.url}/#/pages/nearby/index?lng=${SPOT.lng}&lat=${SPOT.lat}&label=test`);
    await resident.locator('.outlet-card').first().waitFor();
    const names = await resident.locator('.outlet-name').allTextContents();
    expect(names).toContain('测试商户鲜菜店');
    expect(names).not.toContain('测试商户早点铺');
  });
});
