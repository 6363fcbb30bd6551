import type { Page } from 'playwright-core';
import { openApp, type E2E } from './browser';
import { api, signInApi } from './api';

/**
 * 生活圈规划: the admin proposes 10-minute circles from 我的, compares them with the current ones (the same counts as
 * circles.propose answers), accepts after confirming, and the 生活圈 tab shows the new circles without a reload; a
 * street worker sees their own street's proposal only, and cannot accept it.
 */

const STREET = '110102001';
const ADMIN_LABEL = '演示区商务局管理员';
const WORKER_LABEL = '演示街道工作人员（西长安街街道）';

interface Proposal {
  circles: { name: string; streetCode: string; members: string[] }[];
  unassigned: string[];
  counts: { before: number; after: number };
  placed: { before: number; after: number; total: number };
  unassignedDetail: { located: boolean }[];
}
type Listed = { circle: { name: string; minutes: number; source: string } }[];

async function signIn(page: Page, base: string, label: string) {
  await page.goto(`${base}/#/pages/mine/index`);
  await page.locator('.account-item').filter({ hasText: label }).first().tap();
  await page.locator('.me-name', { hasText: label }).waitFor();
}

/** The before → after figures the page shows, as text. */
async function figures(page: Page) {
  const text = async (row: string) => (await page.locator(`.planner .${row} .compare-figure`).innerText()).trim();
  return {
    circles: await text('compare-circles'),
    placed: await text('compare-placed'),
    unassigned: await text('compare-unassigned'),
    unlocated: (await page.locator('.planner .compare-unlocated').innerText()).trim(),
  };
}

const expected = (p: Proposal) => ({
  circles: `${p.counts.before} → ${p.counts.after} 个`,
  placed: `${p.placed.before} → ${p.placed.after} 个`,
  unassigned: `${p.placed.total - p.placed.before} → ${p.unassigned.length} 个`,
  unlocated: expect.stringContaining(`其中位置待补充 ${p.unassignedDetail.filter((c) => !c.located).length} 个`),
});

describe('生活圈规划: proposing, comparing and accepting circles in the app', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  }, 60000);
  afterAll(() => app?.close());

  it('the admin proposes 10-minute circles, sees the counts circles.propose answers, accepts, and 生活圈 shows them', async () => {
    const { page, server } = app;
    const base = server.url;
    const admin = await signInApi(base, 'admin');
    // The district has an 8-minute plan in place, so that the 10-minute one differs from it in number and names.
    await api(base, admin, 'circles.save', { op: 'accept', minutes: 8, replace: true });
    const proposal = await api<Proposal>(base, admin, 'circles.propose', { minutes: 10 });
    const current = (await api<Listed>(base, null, 'circles.list', {})).filter((c) => c.circle.minutes !== 15);
    expect(current.length).toBeGreaterThan(0);
    expect(proposal.counts.before).toBe(current.length);

    await signIn(page, base, ADMIN_LABEL);
    // The 生活圈 tab is open before the change: it must follow without a reload.
    await page.locator('.taro-tabbar__tabbar').getByText('生活圈').tap();
    await page.locator('.circle-item:visible').first().waitFor();
    const shownBefore = await page.locator('.circle-item:visible').count();
    const namesBefore = (await page.locator('.circle-item:visible .circle-name').allInnerTexts()).sort();
    await page.locator('.taro-tabbar__tabbar').getByText('我的').tap();
    await page.locator('.planner-link:visible').tap();

    const planner = page.locator('.page.planner');
    await planner.locator('.mode-communities').tap();
    await planner.locator('.reach-10').tap();
    await planner.locator('.propose-btn').tap();
    await planner.locator('.compare').waitFor();
    expect(await figures(page)).toEqual(expected(proposal));
    expect(await planner.locator('.plan-circle').count()).toBe(proposal.circles.length);
    const first = planner.locator('.plan-circle').first();
    expect(await first.innerText()).toContain(proposal.circles[0].name);
    expect(await first.innerText()).toMatch(
      new RegExp(`${proposal.circles[0].members.length} 个社区 · 最远步行约 \\d+ 分钟`),
    );
    // No ids or coordinates on the page.
    const all = await planner.innerText();
    expect(all).not.toMatch(/circle-|1101020\d{5}|116\.\d{3}|39\.\d{3}/);

    // Cancelling the confirmation changes nothing.
    await planner.locator('.adopt-btn').tap();
    const modal = page.locator('.taro-modal__content');
    await modal.waitFor();
    expect(await modal.innerText()).toContain(`现有全部 ${current.length} 个八分钟、十分钟生活圈`);
    expect(await modal.innerText()).toContain(`新方案共 ${proposal.counts.after} 个十分钟生活圈`);
    await page.locator('.taro-modal__foot').getByText('不了').tap();
    await modal.waitFor({ state: 'hidden' });
    expect(await api<Listed>(base, null, 'circles.list', {})).toHaveLength(shownBefore);

    await planner.locator('.adopt-btn').tap();
    await modal.waitFor();
    await page.locator('.taro-modal__foot').getByText('确定').tap();
    await planner.locator('.accepted').waitFor();
    expect(await planner.locator('.accepted').innerText()).toContain(`现有 ${proposal.counts.after} 个新划分的生活圈`);
    const after = await api<Listed>(base, null, 'circles.list', {});
    expect(after.filter((c) => c.circle.minutes !== 15)).toHaveLength(proposal.counts.after);
    expect(after.every((c) => c.circle.minutes === 15 || c.circle.source === 'proposed')).toBe(true);

    // The tab was loaded before the change; it now lists the accepted circles (their names, not the old ones).
    const names = after.map((c) => c.circle.name).sort();
    expect(names).not.toEqual(namesBefore);
    await planner.locator('.circles-link').tap();
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('.page.circles .circle-item .circle-name')].map((e) => e.textContent).sort(),
        ) === want,
      JSON.stringify(names),
      { timeout: 15000 },
    );
    expect(await page.locator('.circle-item:visible').count()).toBe(after.length);
    expect(after.length).not.toBe(shownBefore);
  }, 120000);

  it("a street worker sees their own street's proposal only, and no 采用 button", async () => {
    const page = await app.newPerson();
    const base = app.server.url;
    const worker = await signInApi(base, `worker-${STREET}`);
    const proposal = await api<Proposal>(base, worker, 'circles.propose', { minutes: 10 });
    expect(proposal.circles.length).toBeGreaterThan(0);
    expect(new Set(proposal.circles.map((c) => c.streetCode))).toEqual(new Set([STREET]));

    await signIn(page, base, WORKER_LABEL);
    await page.locator('.planner-link:visible').tap();
    const planner = page.locator('.page.planner');
    expect(await planner.locator('.street-fixed').innerText()).toContain('西长安街街道（仅本街道）');
    await planner.locator('.propose-btn').tap();
    await planner.locator('.compare').waitFor();
    expect(await figures(page)).toEqual(expected(proposal));
    const streets = await planner.locator('.street-plan > .section-title').allInnerTexts();
    expect(streets).toEqual([`西长安街街道（${proposal.circles.length} 个生活圈）`]);
    expect(await planner.locator('.plan-circle').count()).toBe(proposal.circles.length);
    expect(await planner.locator('.adopt-btn').count()).toBe(0);
    await planner.getByText('方案仅供参考，由区商务局管理员统一采用。').waitFor();
  }, 90000);
  it('splitting needs imported 15-minute circles, and a merge shows the counts circles.propose answers', async () => {
    const page = await app.newPerson();
    const base = app.server.url;
    const admin = await signInApi(base, 'admin');
    const progress = await api<{ fifteen?: number }>(base, null, 'circles.progress', {});
    expect(progress.fifteen ?? 0).toBe(0);
    const merged = await api<Proposal>(base, admin, 'circles.propose', { minutes: 10, merge: true });

    await signIn(page, base, ADMIN_LABEL);
    await page.locator('.planner-link:visible').tap();
    const planner = page.locator('.page.planner');
    await planner.locator('.mode-fifteen').tap();
    await planner.getByText(/尚未导入一刻钟（15 分钟）生活圈，无法拆分/).waitFor();
    expect(await planner.locator('.propose-btn').getAttribute('disabled')).not.toBeNull();

    await planner.locator('.mode-merge').tap();
    await planner.locator('.propose-btn').tap();
    await planner.locator('.compare').waitFor();
    expect(await figures(page)).toEqual(expected(merged));
    await planner.locator('.adopt-btn').tap();
    const modal = page.locator('.taro-modal__content');
    await modal.waitFor();
    expect(await modal.innerText()).toContain(
      `现有 ${merged.counts.before} 个生活圈将合并为 ${merged.counts.after} 个`,
    );
    await page.locator('.taro-modal__foot').getByText('不了').tap();
  }, 90000);
});
