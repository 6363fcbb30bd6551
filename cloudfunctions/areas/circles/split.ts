import type { Res } from '../../../types';
import { planCircles } from '../../core/circles';
import { AppError } from '../../core/errors';
import { point } from '../../core/geo';
import { readAll, type Store } from '../../store/port';

/** How proposed circles are named: street, number, reach (e.g. 西长安街3号十分钟便民生活圈). */
export const proposedName = (streetName: string, n: number, minutes: 8 | 10) =>
  `${streetName.replace(/街道$/, '')}${n}号${minutes === 8 ? '八' : '十'}分钟便民生活圈`;

/**
 * Splits each imported 15-minute circle into 10- (or 8-) minute circles: the planner runs on the located members of
 * one 15-minute circle at a time, so every proposed circle lies inside one of them (`parentId`) and every member is
 * within reach of its centre. Members without a location, and located communities in no 15-minute circle, are
 * listed as unassigned for the street to place.
 */
export async function proposeFromFifteen(
  store: Store,
  minutes: 8 | 10,
  street?: string,
): Promise<Res<'circles.propose'>> {
  const byStreet = street ? { streetCode: street } : undefined;
  const [fifteens, communities, streets] = await Promise.all([
    readAll(store, 'circles', { ...byStreet, minutes: 15 }),
    readAll(store, 'communities', byStreet),
    readAll(store, 'streets'),
  ]);
  if (fifteens.length === 0)
    throw new AppError('NOT_FOUND', '尚未导入 15 分钟生活圈：请先导入区里的生活圈规划', 'from');
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const streetOf = new Map(streets.map((s) => [s.code, s]));
  const numbers = new Map<string, number>();
  const circles: Res<'circles.propose'>['circles'] = [];
  for (const f of fifteens.sort((a, b) => (a.streetCode + a.id < b.streetCode + b.id ? -1 : 1))) {
    const located = f.members.flatMap((m) => {
      const c = byCode.get(m);
      return c?.location ? [{ code: c.code, point: c.location.coordinates }] : [];
    });
    // A street marked as an 8-minute pilot block is split at 8 minutes.
    const reach = streetOf.get(f.streetCode)?.eightMinutePilot ? 8 : minutes;
    for (const p of planCircles(located, reach)) {
      const n = (numbers.get(f.streetCode) ?? 0) + 1;
      numbers.set(f.streetCode, n);
      circles.push({
        name: proposedName(streetOf.get(f.streetCode)?.name ?? '', n, reach),
        streetCode: f.streetCode,
        centre: point(Number(p.centre[0].toFixed(6)), Number(p.centre[1].toFixed(6))),
        members: p.members,
        parentId: f.id,
        ...(reach !== minutes ? { minutes: reach } : {}),
      });
    }
  }
  const placed = new Set(circles.flatMap((c) => c.members));
  return {
    minutes,
    from: 'fifteen',
    circles,
    unassigned: communities.filter((c) => !placed.has(c.code)).map((c) => c.code),
    counts: { before: fifteens.length, after: circles.length },
  };
}
