import type { TimeRange, WeeklyHours } from '../../types';
import { beijingClock } from '../../types/time';

/**
 * Opening hours. A week is seven lists of ranges, Monday first. A range is `["HH:MM", "HH:MM"]`; an end of
 * "24:00" is midnight; an end earlier than its start runs past midnight into the next day. Every rule is
 * evaluated in Beijing time (Asia/Shanghai, UTC+8 all year — China has no daylight saving time), whatever
 * the server's time zone.
 */

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export { beijingClock };

function minutes(hhmm: string): number {
  // "HH:MM" read digit by digit: called for every range of every outlet a list shows.
  if (hhmm.length === 5 && hhmm.charCodeAt(2) === 58)
    return (
      ((hhmm.charCodeAt(0) - 48) * 10 + hhmm.charCodeAt(1) - 48) * 60 +
      (hhmm.charCodeAt(3) - 48) * 10 +
      hhmm.charCodeAt(4) -
      48
    );
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

const overnight = ([s, e]: TimeRange) => minutes(e) <= minutes(s);

/** Open at this instant, by the week's ranges (including yesterday's ranges that run past midnight). */
export function isOpenAt(hours: WeeklyHours, instant: Date): boolean {
  const { weekday, minute } = beijingClock(instant);
  for (const r of hours.week[weekday]) {
    const s = minutes(r[0]);
    const e = minutes(r[1]);
    if (overnight(r) ? minute >= s : minute >= s && minute < e) return true;
  }
  for (const r of hours.week[(weekday + 6) % 7]) if (overnight(r) && minute < minutes(r[1])) return true;
  return false;
}

export function isAllDay(hours: WeeklyHours): boolean {
  return hours.week.every((day) => day.some(([s, e]) => s === '00:00' && e === '24:00'));
}

/** One day's hours for people: "07:00–20:00、22:00–次日02:00", "24小时" or "休息". */
export function describeDay(ranges: TimeRange[]): string {
  let text = described.get(ranges);
  if (text === undefined) {
    if (ranges.length === 0) text = '休息';
    else if (ranges.some(([s, e]) => s === '00:00' && e === '24:00')) text = '24小时';
    else text = ranges.map((r) => `${r[0]}–${overnight(r) ? '次日' : ''}${r[1]}`).join('、');
    described.set(ranges, text);
  }
  return text;
}
/** Texts of day lists already described: the same list (a kept document's) is described once. */
const described = new WeakMap<TimeRange[], string>();

/** Today's hours (Beijing), for lists and the outlet page. */
export function describeToday(hours: WeeklyHours, instant: Date): string {
  return describeDay(hours.week[beijingClock(instant).weekday]);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Reads the hours syntax of the census file: `24h`, or segments separated by `;`, each `<days> <ranges>`,
 * where days are `daily`, `mon-fri`, `sat,sun`, `mon` …, and ranges are `07:00-20:00,22:00-02:00` or `closed`.
 * Days not named are closed. Answers the hours, or a Chinese message saying what is wrong.
 */
export function parseHours(text: string, holidayNote: string | null = null): WeeklyHours | { error: string } {
  const src = text.trim().toLowerCase();
  if (!src) return { error: '营业时间为空' };
  if (src === '24h' || src === '全天')
    return { week: DAY_KEYS.map(() => [['00:00', '24:00'] as TimeRange]), holidayNote };
  const week: TimeRange[][] = DAY_KEYS.map(() => []);
  const seen = new Set<number>();
  for (const segment of src
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\S+)\s+(.+)$/.exec(segment);
    if (!m) return { error: `无法识别“${segment}”，应为“星期 时间段”，如 mon-fri 07:00-20:00` };
    const days = parseDays(m[1]);
    if ('error' in days) return days;
    let ranges: TimeRange[] = [];
    if (m[2].trim() !== 'closed') {
      for (const part of m[2].split(',').map((s) => s.trim())) {
        const r = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
        if (!r || !TIME.test(r[1]) || !TIME.test(r[2]) || r[1] === '24:00')
          return { error: `时间段“${part}”格式有误，应为 HH:MM-HH:MM，如 07:00-20:00` };
        if (r[1] === r[2]) return { error: `时间段“${part}”起止相同；全天营业请写 00:00-24:00` };
        ranges = [...ranges, [r[1], r[2]]];
      }
    }
    for (const d of days.days) {
      if (seen.has(d)) return { error: `${WEEKDAY_NAMES[d]}重复出现` };
      seen.add(d);
      week[d] = ranges;
    }
  }
  return { week, holidayNote };
}

function parseDays(spec: string): { days: number[] } | { error: string } {
  if (spec === 'daily') return { days: [0, 1, 2, 3, 4, 5, 6] };
  const days: number[] = [];
  for (const part of spec.split(',')) {
    const range = part.split('-');
    const idx = range.map((k) => DAY_KEYS.indexOf(k as (typeof DAY_KEYS)[number]));
    if (idx.some((i) => i < 0) || idx.length > 2)
      return { error: `星期“${part}”无法识别，应为 mon、tue … sun 或 daily` };
    if (idx.length === 1) days.push(idx[0]);
    else
      for (let d = idx[0]; ; d = (d + 1) % 7) {
        days.push(d);
        if (d === idx[1]) break;
      }
  }
  return { days };
}

/** Writes hours back in the census syntax that `parseHours` reads (days with the same ranges grouped). */
export function hoursToText(hours: WeeklyHours): string {
  if (isAllDay(hours) && hours.week.every((d) => d.length === 1)) return '24h';
  const groups = new Map<string, number[]>();
  hours.week.forEach((ranges, d) => {
    const key = ranges.length ? ranges.map(([s, e]) => `${s}-${e}`).join(',') : 'closed';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  });
  return [...groups.entries()]
    .map(([key, days]) => `${days.length === 7 ? 'daily' : days.map((d) => DAY_KEYS[d]).join(',')} ${key}`)
    .join('; ');
}

/** At most this many ranges a day (a lunch break gives two; a night shift three). */
export const MAX_RANGES_PER_DAY = 4;

/**
 * Checks hours given as the stored structure (from the app's hours editor): seven days, each a few ranges of
 * valid times, none empty, none overlapping another of the same day. Answers a Chinese message naming the day,
 * or null when the hours are fine.
 */
export function weekProblem(week: TimeRange[][]): string | null {
  if (week.length !== 7) return '营业时间应包含周一到周日';
  for (const [d, ranges] of week.entries()) {
    const day = WEEKDAY_NAMES[d];
    if (ranges.length > MAX_RANGES_PER_DAY) return `${day}最多 ${MAX_RANGES_PER_DAY} 个时间段`;
    const spans: [number, number][] = [];
    for (const [s, e] of ranges) {
      if (!TIME.test(s) || !TIME.test(e) || s === '24:00') return `${day}的时间应为 00:00 到 24:00 之间`;
      if (s === e) return `${day}有一个时间段开始和结束相同`;
      const a = minutes(s);
      const b = minutes(e) <= a ? minutes(e) + 24 * 60 : minutes(e);
      if (spans.some(([x, y]) => a < y && x < b)) return `${day}的时间段有重叠`;
      spans.push([a, b]);
    }
  }
  return null;
}
