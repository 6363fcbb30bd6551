import type { CommunityCoverage, TimeRange, WeeklyHours } from '../../types';
import { computeCoverage, nearestWithin, openIntervals, type CoverageOutlet } from '../../cloudfunctions/core/coverage';
import { isOpenAt } from '../../cloudfunctions/core/hours';
import { expandSummary, summarize } from '../../cloudfunctions/areas/coverage/summary';
import { seededRandom } from '../../cloudfunctions/core/random';
import { reachMeters } from '../../cloudfunctions/core/reach';

const CATS = ['vegetables', 'breakfast', 'convenience', 'parcel'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Random weekly hours: closed days, day ranges, ranges past midnight (Sunday's into Monday), all day. */
function randomHours(rand: () => number): WeeklyHours {
  const week: TimeRange[][] = Array.from({ length: 7 }, () => {
    const r = rand();
    if (r < 0.15) return [];
    if (r < 0.25) return [['00:00', '24:00']];
    const s = Math.floor(rand() * 96) * 15;
    const e = Math.floor(rand() * 96) * 15;
    if (s === e) return [['00:00', '24:00']];
    return [
      [`${pad(Math.floor(s / 60))}:${pad(s % 60)}`, e === 0 ? '24:00' : `${pad(Math.floor(e / 60))}:${pad(e % 60)}`],
    ];
  });
  return { week, holidayNote: null };
}

describe('the compact coverage summary', () => {
  it('reads opening hours exactly as isOpenAt does, at random minutes of the week', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 25; i++) {
      const hours = randomHours(rand);
      const open = openIntervals(hours);
      for (let m = 0; m < 7 * 1440; m += 1 + Math.floor(rand() * 29)) {
        // 2026-11-23 is a Monday; Beijing midnight is 16:00 UTC the day before.
        const at = new Date(Date.UTC(2026, 10, 22, 16, 0) + m * 60_000);
        expect([i, m, open.some(([s, e]) => s <= m && m < e)]).toEqual([i, m, isOpenAt(hours, at)]);
      }
    }
  });

  it('answers the nearest (and nearest open) outlet as the full model does, with far fewer candidates', () => {
    const rand = seededRandom(11);
    const pt = (): [number, number] => [116.35 + rand() * 0.03, 39.9 + rand() * 0.03];
    const communities = Array.from({ length: 30 }, (_, i) => ({ code: `c${i}`, point: pt() }));
    const patterns = Array.from({ length: 12 }, () => randomHours(rand));
    const outlets: CoverageOutlet[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `o${i}`,
      categories: [CATS[i % CATS.length]],
      point: pt(),
      hours: patterns[Math.floor(rand() * patterns.length)],
    }));
    const table = computeCoverage(communities, outlets, CATS);
    const docs: CommunityCoverage[] = communities.map((c) => ({
      communityCode: c.code,
      streetCode: 's1',
      categories: table.get(c.code)!,
      computedAt: '2026-11-29T00:00:00.000Z',
    }));
    const summary = summarize(docs);
    const compact = expandSummary(summary);
    let full = 0;
    let kept = 0;
    for (const d of docs)
      for (const cat of CATS) {
        const list = d.categories[cat];
        const short = compact.get(d.communityCode)!.categories[cat];
        full += list.length;
        kept += short.length;
        for (const minutes of [8, 10, 15]) {
          expect(nearestWithin(short, minutes)?.id).toBe(nearestWithin(list, minutes)?.id);
          for (let k = 0; k < 15; k++) {
            const at = new Date(Date.UTC(2026, 10, 22, 16, 0) + Math.floor(rand() * 7 * 1440) * 60_000);
            // The reference: the nearest outlet open then (by isOpenAt), if it is within the walk.
            const open = list.find((r) => isOpenAt(r.hours, at));
            const expected = open && open.meters <= reachMeters(minutes) ? open : null;
            expect(nearestWithin(list, minutes, at)?.id).toBe(expected?.id);
            expect(nearestWithin(short, minutes, at)?.id).toBe(expected?.id);
          }
        }
      }
    expect(kept).toBeLessThan(full / 4);
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(docs).length / 10);
  });
});
