import type { Circle, Res } from '../../../types';
import { mergeCircles, type MergeCandidate } from '../../core/circles';
import { AppError } from '../../core/errors';
import { point } from '../../core/geo';
import { readAll, type Store } from '../../store/port';

type Proposed = Res<'circles.propose'>['circles'][number];

/**
 * Merges small circles of one street whose located members fit within reach of one centre (greedily, see
 * `mergeCircles`), never across streets, reaches or 15-minute circles. Without `base` it merges the existing 8- and
 * 10-minute circles; with it (e.g. a split of the 15-minute circles) it merges those. A merged circle keeps the name
 * of the largest circle in it and lists the circles it came from (`mergedFrom`, existing circles only).
 */
export async function proposeMerged(
  store: Store,
  minutes: 8 | 10,
  street?: string,
  base?: Res<'circles.propose'>,
): Promise<Res<'circles.propose'>> {
  const byStreet = street ? { streetCode: street } : undefined;
  const existing = base
    ? null
    : (await readAll(store, 'circles', { ...byStreet, minutes: { in: [8, 10] } })).sort((a, b) =>
        a.id < b.id ? -1 : 1,
      );
  const circles: (Proposed & { id?: string })[] = existing
    ? existing.map((c) => ({
        id: c.id,
        name: c.name,
        streetCode: c.streetCode,
        centre: c.centre,
        members: c.members,
        ...(c.parentId ? { parentId: c.parentId } : {}),
        minutes: c.minutes === 8 ? 8 : 10,
      }))
    : base!.circles;
  const all = await readAll(store, 'communities', byStreet);
  const communities = new Map(all.map((c) => [c.code, c]));
  const reachOf = (c: Proposed) => c.minutes ?? minutes;
  const candidates: MergeCandidate[] = circles.map((c, i) => ({
    group: `${c.streetCode}|${reachOf(c)}|${c.parentId ?? ''}`,
    ids: [String(i)],
    members: c.members,
    located: c.members.flatMap((m) => {
      const loc = communities.get(m)?.location;
      return loc ? [{ code: m, point: loc.coordinates }] : [];
    }),
    centre: c.centre.coordinates,
  }));
  const merged: Proposed[] = [];
  for (const reach of [8, 10] as const) {
    const own = candidates.filter((c) => c.group.split('|')[1] === String(reach));
    for (const m of mergeCircles(own, reach)) {
      const from = m.ids.map((i) => circles[Number(i)]);
      const first = from[0];
      merged.push({
        name: first.name,
        streetCode: first.streetCode,
        centre: from.length > 1 ? point(m.centre[0], m.centre[1]) : first.centre,
        members: m.members,
        ...(first.parentId ? { parentId: first.parentId } : {}),
        ...(reach !== minutes ? { minutes: reach } : {}),
        ...(existing ? { mergedFrom: from.map((c) => c.id!) } : {}),
      });
    }
  }
  const placed = new Set(merged.flatMap((c) => c.members));
  merged.sort((a, b) => (a.streetCode + a.name < b.streetCode + b.name ? -1 : 1));
  return {
    minutes,
    ...(base?.from ? { from: base.from } : {}),
    merge: true,
    circles: merged,
    unassigned: base ? base.unassigned : all.filter((c) => !placed.has(c.code)).map((c) => c.code),
    counts: { before: circles.length, after: merged.length },
  };
}

/**
 * Merges small circles in place (the admin's acceptance of `proposeMerged` on the current circles): the circle that
 * absorbs the others keeps its id, name, year, status and source and takes their members and the new centre; the
 * absorbed circles are removed and their communities point to it. One transaction per merged circle; a circle that
 * changed since the proposal was read refuses the merge (CONFLICT) rather than merge what was not checked.
 */
export async function applyMerge(store: Store, minutes: 8 | 10, now: Date): Promise<Circle[]> {
  const plan = await proposeMerged(store, minutes);
  const at = now.toISOString();
  const changed: Circle[] = [];
  for (const p of plan.circles) {
    if (!p.mergedFrom || p.mergedFrom.length < 2) continue;
    const [keep, ...gone] = p.mergedFrom;
    const next = await store.transaction(async (tx) => {
      const circles: (Circle | null)[] = [];
      for (const id of p.mergedFrom!) circles.push(await tx.get('circles', id));
      const members = circles.flatMap((c) => c?.members ?? []);
      if (circles.some((c) => !c) || [...members].sort().join() !== [...p.members].sort().join())
        throw new AppError('CONFLICT', '生活圈刚刚有变化，请重新查看合并方案');
      for (const [i, id] of gone.entries()) {
        for (const m of circles[i + 1]!.members)
          if (await tx.get('communities', m)) await tx.update('communities', m, { circleId: keep });
        await tx.remove('circles', id);
      }
      const merged: Circle = { ...circles[0]!, members: p.members, centre: p.centre, updatedAt: at };
      await tx.set('circles', keep, merged);
      return merged;
    });
    changed.push(next);
  }
  return changed;
}
