import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { CoverageReport } from '../../types';
import { api, signInApi } from './api';
import { openApp, type E2E } from './browser';

const STREET = '110102001';
const STREET_NAME = '西长安街街道';

/** The text of a .docx: its main part with the XML tags taken out. */
function docxText(file: string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return strFromU8(parts['word/document.xml']).replace(/<[^>]+>/g, '');
}

describe('监测评价: dashboard, 一街一则, 示范 badges and circle evaluations', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('shows the admin the index trend as a drawn chart and the table of every street', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '演示区商务局管理员' }).first().tap();
    await page.getByText('监测评价').tap();
    const canvas = page.locator('.dashboard #trend-chart canvas, .dashboard canvas#trend-chart').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    // Something was drawn: the chart's axes and line leave opaque pixels.
    await page.waitForFunction(() => {
      const el = document.querySelector('.dashboard canvas') as HTMLCanvasElement | null;
      const ctx = el?.getContext('2d');
      if (!el || !ctx || !el.width) return false;
      const px = ctx.getImageData(0, 0, el.width, el.height).data;
      let opaque = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) opaque++;
      return opaque > 200;
    });
    const rows = page.locator('.dashboard .street-table .st-row:not(.st-head)');
    expect(await rows.count()).toBe(15);
    const report = await api<CoverageReport>(server.url, null, 'coverage.report', {});
    const own = report.streets.find((s) => s.code === STREET)!;
    const row = rows.filter({ hasText: STREET_NAME.replace(/街道$/, '') });
    expect(await row.locator('.st-index').innerText()).toBe(
      own.index === null ? '—' : `${Math.round(own.index * 100)}%`,
    );
  });

  it('lets a street worker edit their 一街一则 and export it as a Word document with the street and its index', async () => {
    const { server } = app;
    const page = await app.newPerson();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: STREET_NAME }).first().tap();
    await page.getByText('一街一则').tap();
    await page.locator('.guideline .guideline-index').waitFor();
    const notes = '二〇二六年重点：西交民巷补齐早餐网点';
    await page.locator('.guideline .notes-input textarea').fill(notes);
    await page.locator('.guideline .save-notes').tap();
    await page.getByText(/第 1 版 ·/).waitFor();
    expect(await page.locator('.guideline .notes-text').innerText()).toBe(notes);

    const report = await api<CoverageReport>(server.url, null, 'coverage.report', { streetCode: STREET });
    const index = report.streets[0].index;
    const shown = index === null ? '—' : `${Math.round(index * 100)}%`;
    expect(await page.locator('.guideline .guideline-index').innerText()).toBe(`便利性指数 ${shown}`);
    const download = page.waitForEvent('download');
    await page.locator('.guideline .export-docx').tap();
    const file = await (await download).path();
    const text = docxText(file);
    expect(text).toContain(STREET_NAME);
    expect(text).toContain(`便利性指数 ${shown}`);
    expect(text).toContain(notes);
    await page.close();
  });

  it('shows a resident the 示范 badge of a circle and an outlet, and the circle’s evaluation', async () => {
    const { server } = app;
    const admin = await signInApi(server.url, 'admin');
    const circles = await api<{ circle: { id: string; name: string } }[]>(server.url, null, 'circles.list', {
      streetCode: STREET,
    });
    const circle = circles[0].circle;
    await api(server.url, admin, 'supervision.designate', {
      kind: 'circle',
      targetId: circle.id,
      year: 2026,
      reason: '居民满意度高、业态齐全',
    });
    const nearby = await api<{ items: { outlet: { id: string } }[] }>(server.url, null, 'outlets.nearby', {
      lng: 116.37052,
      lat: 39.91137,
      minutes: 10,
    });
    const outletId = nearby.items[0].outlet.id;
    await api(server.url, admin, 'supervision.designate', {
      kind: 'outlet',
      targetId: outletId,
      year: 2026,
      reason: '一店多能、服务老年人',
    });
    const page = await app.newPerson();
    await page.goto(`${server.url}/#/pages/mine/index`);
    await page.locator('.account-item').filter({ hasText: '演示居民' }).first().tap();
    await page.goto(`${server.url}/#/pages/outlet/index?id=${encodeURIComponent(outletId)}`);
    await page.locator('.designation-badge', { hasText: '2026 示范网点' }).waitFor();
    expect(await page.locator('.designation-manage').count()).toBe(0);
    await page.goto(`${server.url}/#/pages/circle/index?id=${encodeURIComponent(circle.id)}`);
    await page.locator('.circle .designation-badge').waitFor();
    expect(await page.locator('.circle .designation-badge').innerText()).toContain('2026 示范便民生活圈');
    await page.locator('.circle-evaluation .criterion').first().waitFor();
    expect(await page.locator('.circle-evaluation .criterion').count()).toBe(4);
    expect(await page.locator('.circle-evaluation').innerText()).toMatch(/评价(未)?通过/);
    expect(await page.locator('.circle-evaluation').innerText()).toContain('居民满意度');
    await page.close();
  });
});
