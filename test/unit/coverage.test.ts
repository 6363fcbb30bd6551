import type { WeeklyHours } from '../../types';
import {
  chooseSites,
  computeCoverage,
  convenienceIndex,
  missingCategories,
  nearestWithin,
  type CoverageCommunity,
  type CoverageOutlet,
} from '../../cloudfunctions/core/coverage';
import { parseHours } from '../../cloudfunctions/core/hours';
import { computeCoverageBruteForce } from '../../scripts/reference/coverage-brute';
import { pick, seededRandom, some } from '../../cloudfunctions/core/random';
import { offset } from '../support/outlets';

const ALL_DAY = parseHours('24h') as WeeklyHours;
const CATS = ['vegetables', 'breakfast', 'convenience', 'hair', 'housekeeping', 'laundry', 'repair', 'parcel'];
const HOME: [number, number] = [116.3745, 39.9075];

function randomWorld(seed: number, communities: number, outlets: number) {
  const rand = seededRandom(seed);
  const pt = (): [number, number] => [116.33 + rand() * 0.07, 39.87 + rand() * 0.08];
  const cs: CoverageCommunity[] = Array.from({ length: communities }, (_, i) => ({ code: `c${i}`, point: pt() }));
  const os: CoverageOutlet[] = Array.from({ length: outlets }, (_, i) => ({
    id: `o${String(i).padStart(4, '0')}`,
    categories: [pick(rand, CATS), ...some(rand, CATS, 0.1)],
    point: rand() < 0.05 ? cs[0].point : pt(),
    hours: ALL_DAY,
  }));
  return { cs, os };
}

describe('coverage engine', () => {
  it.each([1, 2, 3, 4, 5])('equals the brute-force reference on random data (seed %i)', (seed) => {
    const { cs, os } = randomWorld(seed, 120, 1500);
    const strip = (t: ReturnType<typeof computeCoverage>) =>
      [...t.entries()].map(([code, per]) => [
        code,
        Object.fromEntries(Object.entries(per).map(([c, list]) => [c, list.map((r) => `${r.id}@${r.meters}`)])),
      ]);
    const engine = computeCoverage(cs, os, CATS);
    expect(strip(engine)).toEqual(strip(computeCoverageBruteForce(cs, os, CATS)));
    expect([...engine.values()].some((per) => per.vegetables.length > 0)).toBe(true);
  });

  it('computes the convenience index of a small fixture by hand', () => {
    const cs: CoverageCommunity[] = [
      { code: 'full', point: HOME },
      { code: 'missingOne', point: offset(HOME, 3000, 0) },
      { code: 'empty', point: offset(HOME, 0, 4000) },
    ];
    const at = (p: [number, number], e: number, cats: string[], id: string): CoverageOutlet => ({
      id,
      categories: cats,
      point: offset(p, e, 0),
      hours: ALL_DAY,
    });
    const os = [
      at(HOME, 300, CATS, 'a'),
      at(
        cs[1].point,
        200,
        CATS.filter((c) => c !== 'laundry'),
        'b',
      ),
      at(cs[1].point, 900, ['laundry'], 'far'),
    ];
    const table = computeCoverage(cs, os, CATS);
    const served = cs.filter((c) => missingCategories(table.get(c.code)!, CATS, 10).length === 0).length;
    expect(served).toBe(1);
    expect(convenienceIndex(served, cs.length)).toBeCloseTo(1 / 3, 10);
    expect(missingCategories(table.get('missingOne')!, CATS, 10)).toEqual(['laundry']);
    // 900 m is 13.5 minutes: covered at a 15-minute walk, not at 10.
    expect(missingCategories(table.get('missingOne')!, CATS, 15)).toEqual([]);
    expect(missingCategories(table.get('empty')!, CATS, 15)).toEqual(CATS);
    expect(convenienceIndex(0, 0)).toBeNull();
  });

  it('counts an outlet only while it is open, at the edges of its hours (Beijing time)', () => {
    const breakfast = parseHours('daily 06:00-10:30') as WeeklyHours;
    const night = parseHours('fri 22:00-02:00') as WeeklyHours;
    const table = computeCoverage(
      [{ code: 'h', point: HOME }],
      [
        { id: 'b', categories: ['breakfast'], point: offset(HOME, 100, 0), hours: breakfast },
        { id: 'n', categories: ['convenience'], point: offset(HOME, 100, 0), hours: night },
      ],
      CATS,
    ).get('h')!;
    const bj = (t: string) => new Date(`${t}+08:00`);
    expect(nearestWithin(table.breakfast, 10, bj('2026-11-25T06:00:00'))?.id).toBe('b');
    expect(nearestWithin(table.breakfast, 10, bj('2026-11-25T10:29:00'))?.id).toBe('b');
    expect(nearestWithin(table.breakfast, 10, bj('2026-11-25T10:30:00'))).toBeNull();
    expect(nearestWithin(table.breakfast, 10, bj('2026-11-25T05:59:00'))).toBeNull();
    expect(nearestWithin(table.convenience, 10, bj('2026-11-28T01:59:00'))?.id).toBe('n'); // Saturday night
    expect(nearestWithin(table.convenience, 10, bj('2026-11-28T02:00:00'))).toBeNull();
    expect(nearestWithin(table.breakfast, 10)?.id).toBe('b'); // at any time
  });

  it('sites first the candidate that covers the most uncovered communities', () => {
    const west = offset(HOME, -2000, 0);
    const uncovered: CoverageCommunity[] = [
      { code: 'e1', point: offset(HOME, 200, 0) },
      { code: 'e2', point: offset(HOME, -200, 0) },
      { code: 'e3', point: offset(HOME, 0, 300) },
      { code: 'w1', point: offset(west, 100, 0) },
      { code: 'w2', point: offset(west, -100, 0) },
    ];
    const picks = chooseSites(
      uncovered,
      [
        { point: west, label: 'west' },
        { point: HOME, label: 'east' },
        { point: offset(HOME, 5000, 0), label: 'nowhere' },
      ],
      3,
      10,
    );
    expect(picks.map((p) => [p.label, p.covers.length])).toEqual([
      ['east', 3],
      ['west', 2],
    ]);
  });
});
