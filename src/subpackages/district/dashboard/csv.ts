import type { Dashboard } from '@/types';

const cell = (v: string | number) => {
  const s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 1000) / 10}%`);

/** The street table (and the district's line) as CSV, with a BOM so spreadsheets read the Chinese. */
export function streetsCsv(d: Dashboard): string {
  const head = [
    '街道',
    '社区数',
    '已定位',
    '十分钟便利性指数',
    '规划中生活圈',
    '建设中生活圈',
    '已建成生活圈',
    '未处理预警',
    '未办结诉求',
  ];
  const rows = d.streets.map((s) => [
    s.name,
    s.communities,
    s.located,
    pct(s.figure.index),
    s.circles.planned,
    s.circles.building,
    s.circles.built,
    s.openWarnings,
    s.openDemand,
  ]);
  return `\ufeff${[head, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** The index over time as CSV: one line per day, the three walks side by side. */
export function trendCsv(d: Dashboard): string {
  const days = [...new Set(d.trend.map((t) => t.date))];
  const at = (date: string, m: number) => d.trend.find((t) => t.date === date && t.minutes === m)?.index ?? null;
  const rows = days.map((day) => [day, pct(at(day, 8)), pct(at(day, 10)), pct(at(day, 15))]);
  return `\ufeff${[['日期', '8 分钟', '10 分钟', '15 分钟'], ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
