import type { TimeRange, WeeklyHours } from '@/types';

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const ALL_DAY: TimeRange = ['00:00', '24:00'];

/** Every day 08:00–20:00: where a new outlet's hours start. */
export function defaultWeek(): WeeklyHours {
  return { week: WEEKDAYS.map(() => [['08:00', '20:00'] as TimeRange]), holidayNote: null };
}

export const isAllDayRanges = (ranges: TimeRange[]) => ranges.some(([s, e]) => s === '00:00' && e === '24:00');

export const sameRanges = (a: TimeRange[], b: TimeRange[]) => JSON.stringify(a) === JSON.stringify(b);

/** A day's ranges for people: "07:00–20:00、22:00–次日02:00", "全天" or "休息". */
export function describeRanges(ranges: TimeRange[]): string {
  if (ranges.length === 0) return '休息';
  if (isAllDayRanges(ranges)) return '全天';
  return ranges.map(([s, e]) => `${s}–${e !== '24:00' && e <= s ? '次日' : ''}${e}`).join('、');
}

/** Overlaps and empty ranges, found before sending (the server checks again): a message naming the day, or null. */
export function weekProblem(hours: WeeklyHours): string | null {
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  for (const [d, ranges] of hours.week.entries()) {
    const spans: [number, number][] = [];
    for (const [s, e] of ranges) {
      if (s === e) return `${WEEKDAYS[d]}有一个时间段开始和结束相同`;
      const a = min(s);
      const b = min(e) <= a ? min(e) + 24 * 60 : min(e);
      if (spans.some(([x, y]) => a < y && x < b)) return `${WEEKDAYS[d]}的时间段有重叠`;
      spans.push([a, b]);
    }
  }
  return null;
}
