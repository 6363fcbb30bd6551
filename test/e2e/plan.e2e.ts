import { openApp, type E2E } from './browser';
import { api } from './api';

/**
 * 安排待补充位置的社区: a street worker places one of the street's communities without a location into one of the
 * street's circles from 我的; the circle's page then lists it as 位置待补充, and it leaves the list to place.
 */

const STREET = '110102001';
const WORKER_LABEL = '演示街道工作人员（西长安街街道）';

interface Community {
  code: string;
  name: string;
  location: unknown;
  circleId?: string | null;
}

describe('placing a street’s unlocated communities in its circles', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  }, 60000);
  afterAll(() => app?.close());

  it('a worker places one from 我的, and the circle page then lists it as 位置待补充', async () => {
    const { page, server } = app;
    const base = server.url;
    const all = await api<{ items: Community[] }>(base, null, 'geo.communities', { streetCode: STREET });
    const waiting = all.items.filter((c) => !c.location && !c.circleId);
    expect(waiting.length).toBeGreaterThan(0);
    const circles = await api<{ circle: { id: string; name: string; minutes: number; members: string[] } }[]>(
      base,
      null,
      'circles.list',
      { streetCode: STREET },
    );
    const target = circles.map((c) => c.circle).find((c) => c.minutes !== 15)!;
    const one = waiting[0];

    await page.goto(`${base}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: WORKER_LABEL }).first().tap();
    await page.locator('.me-name', { hasText: WORKER_LABEL }).waitFor();
    await page.locator('.place-link').tap();
    const item = page.locator(`.page.place-communities .place-${one.code}`);
    await item.waitFor();
    expect(await page.locator('.page.place-communities .place-item').count()).toBe(waiting.length);
    expect(await item.innerText()).toContain('位置待补充');
    await item.locator('.chip', { hasText: target.name }).tap();
    await item.locator('.place-submit').tap();
    await page.getByText('已放入生活圈').first().waitFor();
    await item.waitFor({ state: 'detached' });
    expect(await page.locator('.page.place-communities .place-item').count()).toBe(waiting.length - 1);
    // The placed community shows under its circle, and that leads to the circle's page.
    const placed = page.locator('.page.place-communities .placed-circle', { hasText: target.name });
    expect(await placed.innerText()).toContain(one.name);
    await placed.tap();

    const member = page.locator('.page.circle .member', { hasText: one.name });
    await member.waitFor();
    expect(await member.innerText()).toContain('位置待补充');
    // The server agrees: the community is in that circle now, and the circle kept its other members.
    const after = await api<{ items: Community[] }>(base, null, 'geo.communities', { streetCode: STREET });
    expect(after.items.find((c) => c.code === one.code)?.circleId).toBe(target.id);
    const circle = await api<{ circle: { members: string[] } }>(base, null, 'circles.get', { id: target.id });
    expect(circle.circle.members.sort()).toEqual([...target.members, one.code].sort());
  }, 120000);
});
