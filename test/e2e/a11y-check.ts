import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** What each mode promises (CSS px): the smallest text and the smallest tap target. */
export const MODES = {
  standard: { minText: 14, minTarget: 44 },
  elder: { minText: 18, minTarget: 60 },
} as const;
export type Mode = keyof typeof MODES;

/** The WCAG 2.1 A and AA rules of axe-core. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_PATH = require.resolve('axe-core');
let axeSource: string | null = null;
const AXE_SOURCE = () => (axeSource ??= fs.readFileSync(AXE_PATH, 'utf8'));

export interface Finding {
  /** Where: a short description of the element. */
  where: string;
  detail: string;
}

export interface Report {
  axe: Finding[];
  smallText: Finding[];
  smallTargets: Finding[];
  /** Horizontal overflow at 320 px wide, in px (0 when none). */
  overflow320: number;
}

export const failures = (r: Report) =>
  r.axe.length + r.smallText.length + r.smallTargets.length + (r.overflow320 ? 1 : 0);

/** Runs axe-core (WCAG 2.1 AA) in the page. */
async function axeFindings(page: Page): Promise<Finding[]> {
  // Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy (no inline scripts)
  // rightly does not govern; a <script> tag would be refused by it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    }
    const res = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return res.violations.flatMap((v) =>
      v.nodes.map((n) => ({ where: n.target.join(' '), detail: `${v.id}: ${v.help}` })),
    );
  }, AXE_TAGS);
  return violations;
}

/**
 * Visible text below the mode's minimum and tap targets below its minimum size. Text is measured where it is
 * drawn (SVG text through its scale on screen); a target is anything a person can press.
 */
async function sizeFindings(page: Page, mode: Mode): Promise<Pick<Report, 'smallText' | 'smallTargets'>> {
  return page.evaluate(
    ({ minText, minTarget }) => {
      const describe = (el: Element) => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${text ? ` “${text}”` : ''}`;
      };
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
        }
        return true;
      };
      const smallText: { where: string; detail: string }[] = [];
      const seen = new Set<Element>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !(n.textContent ?? '').trim()) continue;
        if (el.closest('script,style,noscript,title')) continue;
        seen.add(el);
        if (!shown(el)) continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGElement) size *= el.ownerSVGElement?.getScreenCTM()?.a ?? 1;
        if (size < minText - 0.05)
          smallText.push({ where: describe(el), detail: `${size.toFixed(1)} px < ${minText}` });
      }

      // What people type is text too: in the UI font, at least the mode's size.
      for (const el of document.querySelectorAll('input:not([type=checkbox]):not([type=hidden]), textarea')) {
        if (!shown(el)) continue;
        const s = getComputedStyle(el);
        const size = parseFloat(s.fontSize);
        if (size < minText - 0.05 || /monospace/i.test(s.fontFamily) || !/PingFang|Noto|YaHei|sans/i.test(s.fontFamily))
          smallText.push({ where: describe(el), detail: `input ${size.toFixed(1)} px, ${s.fontFamily.slice(0, 30)}` });
      }

      const smallTargets: { where: string; detail: string }[] = [];
      const pressable = [
        'button',
        'a[href]',
        'input:not([type=hidden])',
        'textarea',
        'select',
        'taro-button-core',
        '[role=button]',
        '[role=switch]',
        '[role=checkbox]',
        '[role=link]',
        '[role=tab]',
        '.weui-tabbar__item',
      ].join(',');
      for (const el of document.querySelectorAll(pressable)) {
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
          smallTargets.push({
            where: describe(el),
            detail: `${Math.round(r.width)}×${Math.round(r.height)} < ${minTarget}×${minTarget}`,
          });
      }
      return { smallText, smallTargets };
    },
    { minText: MODES[mode].minText, minTarget: MODES[mode].minTarget },
  );
}

/** How far the page runs past the screen's right edge at 320 px wide (a small phone). */
async function overflowAt320(page: Page): Promise<number> {
  const before = page.viewportSize() ?? { width: 390, height: 844 };
  await page.setViewportSize({ width: 320, height: before.height });
  await page.waitForTimeout(150);
  const over = await page.evaluate(() => {
    const d = document.documentElement;
    return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
  });
  await page.setViewportSize(before);
  await page.waitForTimeout(100);
  return Math.max(0, over);
}

/** Every check on the page as it is now. */
export async function checkPage(page: Page, mode: Mode): Promise<Report> {
  const axe = await axeFindings(page);
  const sizes = await sizeFindings(page, mode);
  const overflow320 = await overflowAt320(page);
  return { axe, ...sizes, overflow320 };
}

/** A table per page: what was checked and what failed. */
export function formatReport(name: string, mode: Mode, r: Report): string {
  const head = `${name} [${mode === 'elder' ? '长辈版' : '标准版'}]  axe ${r.axe.length} · 小字 ${r.smallText.length} · 小目标 ${r.smallTargets.length} · 320px 溢出 ${r.overflow320}px`;
  const rows = [
    ...r.axe.map((f) => `  axe     | ${f.detail} | ${f.where}`),
    ...r.smallText.map((f) => `  text    | ${f.detail} | ${f.where}`),
    ...r.smallTargets.map((f) => `  target  | ${f.detail} | ${f.where}`),
  ];
  return [head, ...rows.slice(0, 40), ...(rows.length > 40 ? [`  … ${rows.length - 40} more`] : [])].join('\n');
}
