import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * The one time module of the app and the functions. Instants are stored as UTC ISO 8601 strings; every rule about
 * days and hours, and everything shown to people or written to a file, uses Beijing time: a fixed UTC+08:00
 * (China has kept no daylight saving since 1991), so no `Intl` time-zone data is needed — which mini-program
 * engines lack on some phones — and the process time zone never matters.
 */
export const BEIJING_OFFSET = '+08:00';
const BEIJING_OFFSET_MINUTES = 8 * 60;

export type InstantLike = Date | string | number;

/** An instant seen on a Beijing wall clock. */
export function beijing(instant: InstantLike): Dayjs {
  return dayjs(instant).utcOffset(BEIJING_OFFSET_MINUTES);
}

/** The Beijing weekday (0 = Monday … 6 = Sunday) and minute of the day of an instant. */
export function beijingClock(instant: InstantLike): { weekday: number; minute: number } {
  // A fixed offset: shift the instant and read the UTC fields (no parsing, called once per outlet shown).
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : NaN;
  if (!Number.isFinite(ms)) {
    const b = beijing(instant);
    return { weekday: (b.day() + 6) % 7, minute: b.hour() * 60 + b.minute() };
  }
  const shifted = new Date(ms + BEIJING_OFFSET_MINUTES * 60_000);
  return { weekday: (shifted.getUTCDay() + 6) % 7, minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** ISO 8601 with the Beijing offset, e.g. `2026-12-05T09:00:00+08:00`: what exports write. */
export function beijingIso(instant: InstantLike): string {
  return beijing(instant).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** `2026-12-05 09:00` in Beijing time. */
export function beijingMinute(instant: InstantLike): string {
  return beijing(instant).format('YYYY-MM-DD HH:mm');
}

/** `2026-12-05` (the Beijing date of an instant). */
export function beijingDate(instant: InstantLike): string {
  return beijing(instant).format('YYYY-MM-DD');
}

/** `09:00` (the Beijing time of day of an instant). */
export function beijingHourMinute(instant: InstantLike): string {
  return beijing(instant).format('HH:mm');
}

/** A Beijing date and time of day (`2026-12-05`, `09:00`) as a UTC ISO instant. */
export function fromBeijing(date: string, time: string): string {
  return dayjs(`${date}T${time}:00${BEIJING_OFFSET}`).toISOString();
}

/** The UTC hour an instant falls in (`2026-11-28T02`): a bucket for hourly counters. */
export function utcHourBucket(instant: InstantLike): string {
  return dayjs(instant).utc().format('YYYY-MM-DDTHH');
}

/** The UTC minute an instant falls in (`2026-11-28T02:05`): a bucket for per-minute counters. */
export function utcMinuteBucket(instant: InstantLike): string {
  return dayjs(instant).utc().format('YYYY-MM-DDTHH:mm');
}

/** The Beijing calendar day of an instant, as a number of days since 1970-01-01: a bucket for daily counters. */
export function beijingDayNumber(instant: InstantLike): number {
  const b = beijing(instant);
  return Math.floor(dayjs.utc(b.format('YYYY-MM-DD')).valueOf() / 86_400_000);
}

/** Adds minutes (negative to subtract) to an instant: ISO string in, ISO string out. */
export function addMinutes(instant: InstantLike, minutes: number): string {
  return dayjs(instant).add(minutes, 'minute').toISOString();
}

const WEEK_NAMES = '一二三四五六日';

/** "12月5日" in Beijing time. */
function monthDay(b: Dayjs): string {
  return `${b.month() + 1}月${b.date()}日`;
}

/** "12月5日（周六）09:00–11:30", in Beijing time. */
export function beijingRange(startIso: InstantLike, endIso: InstantLike): string {
  const a = beijing(startIso);
  const b = beijing(endIso);
  const week = WEEK_NAMES[(a.day() + 6) % 7];
  return monthDay(a) === monthDay(b) && a.year() === b.year()
    ? `${monthDay(a)}（周${week}）${a.format('HH:mm')}–${b.format('HH:mm')}`
    : `${monthDay(a)} ${a.format('HH:mm')} – ${monthDay(b)} ${b.format('HH:mm')}`;
}

/** "12月5日 09:00", in Beijing time. */
export function beijingTime(iso: InstantLike): string {
  const b = beijing(iso);
  return `${monthDay(b)} ${b.format('HH:mm')}`;
}

/** "2026年12月5日 09:00", in Beijing time: for records people read later. */
export function beijingDateTime(iso: InstantLike): string {
  const b = beijing(iso);
  return `${b.year()}年${monthDay(b)} ${b.format('HH:mm')}`;
}
