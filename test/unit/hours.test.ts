import type { TimeRange, WeeklyHours } from '../../types';
import {
  beijingClock,
  describeDay,
  describeToday,
  isAllDay,
  isOpenAt,
  parseHours,
} from '../../cloudfunctions/core/hours';

/** An instant given as Beijing wall-clock time. 2026-11-23 is a Monday. */
const bj = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const hours = (text: string): WeeklyHours => {
  const h = parseHours(text);
  if ('error' in h) throw new Error(h.error);
  return h;
};

describe(`opening hours in Beijing time (process TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('reads the Beijing weekday and minute whatever the process time zone', () => {
    expect(beijingClock(bj('2026-11-23T00:00:00'))).toEqual({ weekday: 0, minute: 0 });
    expect(beijingClock(bj('2026-11-29T23:59:00'))).toEqual({ weekday: 6, minute: 1439 });
    // 2026-11-27T23:30Z is Saturday 07:30 in Beijing, still Friday in UTC and in New York.
    expect(beijingClock(new Date('2026-11-27T23:30:00Z'))).toEqual({ weekday: 5, minute: 450 });
  });

  it('is open inside a range and closed at its end', () => {
    const h = hours('daily 07:00-20:00');
    expect(isOpenAt(h, bj('2026-11-24T07:00:00'))).toBe(true);
    expect(isOpenAt(h, bj('2026-11-24T19:59:00'))).toBe(true);
    expect(isOpenAt(h, bj('2026-11-24T20:00:00'))).toBe(false);
    expect(isOpenAt(h, bj('2026-11-24T06:59:00'))).toBe(false);
  });

  it('carries an overnight range into the next morning, and only its own next morning', () => {
    const h = hours('fri 22:00-02:00');
    expect(isOpenAt(h, bj('2026-11-27T21:59:00'))).toBe(false); // Friday
    expect(isOpenAt(h, bj('2026-11-27T23:59:00'))).toBe(true);
    expect(isOpenAt(h, bj('2026-11-28T00:00:00'))).toBe(true); // Saturday
    expect(isOpenAt(h, bj('2026-11-28T01:59:00'))).toBe(true);
    expect(isOpenAt(h, bj('2026-11-28T02:00:00'))).toBe(false);
    expect(isOpenAt(h, bj('2026-11-29T01:00:00'))).toBe(false); // Sunday: Saturday has no range
  });

  it('answers a query at 23:59 and at 00:00 by the right day', () => {
    const h = hours('mon-fri 06:00-24:00; sat 00:00-06:00');
    expect(isOpenAt(h, bj('2026-11-27T23:59:00'))).toBe(true); // Friday 23:59
    expect(isOpenAt(h, bj('2026-11-28T00:00:00'))).toBe(true); // Saturday 00:00, Saturday's own range
    expect(isOpenAt(h, bj('2026-11-28T06:00:00'))).toBe(false);
    expect(isOpenAt(h, bj('2026-11-29T23:59:00'))).toBe(false); // Sunday, closed
    expect(isOpenAt(h, bj('2026-11-30T00:00:00'))).toBe(false); // Monday 00:00: Monday opens at 06:00
  });

  it('keeps a 24-hour outlet open at every minute and a closed day closed all day', () => {
    const allDay = hours('24h');
    expect(isAllDay(allDay)).toBe(true);
    for (const t of ['00:00', '06:30', '12:00', '23:59']) expect(isOpenAt(allDay, bj(`2026-11-25T${t}:00`))).toBe(true);
    const h = hours('mon-sat 09:00-18:00; sun closed');
    expect(isOpenAt(h, bj('2026-11-29T12:00:00'))).toBe(false);
    expect(describeToday(h, bj('2026-11-29T12:00:00'))).toBe('休息');
  });

  it('describes a day for people', () => {
    const day: TimeRange[] = [
      ['06:00', '10:30'],
      ['22:00', '02:00'],
    ];
    expect(describeDay(day)).toBe('06:00–10:30、22:00–次日02:00');
    expect(describeDay([['00:00', '24:00']])).toBe('24小时');
    expect(describeDay([])).toBe('休息');
  });

  it('parses several ranges a day, day lists and wrapping day spans', () => {
    const h = hours('tue,wed 08:00-12:00,14:00-18:00; fri-mon 07:00-09:00');
    expect(h.week[2]).toEqual([
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ]);
    expect(h.week[0]).toEqual([['07:00', '09:00']]);
    expect(h.week[6]).toEqual([['07:00', '09:00']]);
    expect(h.week[3]).toEqual([]);
  });

  it('refuses malformed hours with a message that says what is wrong', () => {
    const bad = [
      '',
      'daily 7:00-20:00',
      'daily 07:00-25:00',
      'funday 07:00-20:00',
      'daily 08:00-08:00',
      'mon 07:00-09:00; mon closed',
      '07:00-20:00',
    ];
    for (const text of bad) {
      const r = parseHours(text);
      expect('error' in r && r.error.length > 0).toBe(true);
    }
  });
});
