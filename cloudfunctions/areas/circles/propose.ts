import type { Circle, Req, Res } from '../../../types';
import { levelOf, planCircles } from '../../core/circles';
import { AppError } from '../../core/errors';
import { point } from '../../core/geo';
import { displayMinutes, metersBetween } from '../../core/reach';
import type { Ctx, SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';
import { applyMerge, proposeMerged } from './merge';
import { proposeFromFifteen, proposedName } from './split';

/** A proposed split of every street's located communities into circles; unlocated ones are listed apart. */
export async function proposeCircles(store: Store, minutes: 8 | 10, street?: string): Promise<Res<'circles.propose'>> {
  const byStreet = street ? { streetCode: street } : undefined;
  const [communities, allStreets, before] = await Promise.all([
    readAll(store, 'communities', byStreet),
    readAll(store, 'streets'),
    store.count('circles', { ...byStreet, minutes: { in: [8, 10] } }),
  ]);
  const circles: Res<'circles.propose'>['circles'] = [];
  for (const s of allStreets.filter((x) => !street || x.code === street)) {
    const members = communities.filter((c) => c.streetCode === s.code && c.location);
    // A street marked as an 8-minute pilot block is planned at 8 minutes.
    const reach = s.eightMinutePilot ? 8 : minutes;
    planCircles(
      members.map((c) => ({ code: c.code, point: c.location!.coordinates })),
      reach,
    ).forEach((p, i) =>
      circles.push({
        name: proposedName(s.name, i + 1, reach),
        streetCode: s.code,
        centre: point(Number(p.centre[0].toFixed(6)), Number(p.centre[1].toFixed(6))),
        members: p.members,
        ...(reach !== minutes ? { minutes: reach } : {}),
      }),
    );
  }
  return {
    minutes,
    circles,
    unassigned: communities.filter((c) => !c.location).map((c) => c.code),
    counts: { before, after: circles.length },
  };
}

/**
 * A proposal (see proposeCircles, proposeFromFifteen, proposeMerged) with what the planner screen shows beside it:
 * each circle's farthest walk, communities placed before and after, and the unassigned ones by name. A street worker
 * sees the proposal for their own street only (and their street's when they name none).
 */
export async function propose({ store, user }: Ctx, input: Req<'circles.propose'>) {
  const { minutes = 10, from, merge } = input;
  let streetCode = input.streetCode;
  if (user?.role === 'worker') {
    const own = user.scope?.streetCode;
    if (!own || (streetCode && streetCode !== own))
      throw new AppError('FORBIDDEN', '只能查看本街道的生活圈方案', 'streetCode');
    streetCode = own;
  }
  const plan = merge
    ? await proposeMerged(
        store,
        minutes,
        streetCode,
        from === 'fifteen' ? await proposeFromFifteen(store, minutes, streetCode) : undefined,
      )
    : from === 'fifteen'
      ? await proposeFromFifteen(store, minutes, streetCode)
      : await proposeCircles(store, minutes, streetCode);
  return describeProposal(store, plan, streetCode);
}

async function describeProposal(
  store: Store,
  plan: Res<'circles.propose'>,
  street?: string,
): Promise<Res<'circles.propose'>> {
  const byStreet = street ? { streetCode: street } : undefined;
  const [communities, current] = await Promise.all([
    readAll(store, 'communities', byStreet),
    readAll(store, 'circles', { ...byStreet, minutes: plan.from === 'fifteen' ? 15 : { in: [8, 10] } }),
  ]);
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const inScope = (codes: Iterable<string>) => [...new Set(codes)].filter((code) => byCode.has(code)).length;
  const circles = plan.circles.map((c) => {
    const walks = c.members.flatMap((m) => {
      const loc = byCode.get(m)?.location;
      return loc ? [metersBetween(loc.coordinates, c.centre.coordinates)] : [];
    });
    return { ...c, farthestMinutes: walks.length ? displayMinutes(Math.max(...walks)) : null };
  });
  return {
    ...plan,
    circles,
    placed: {
      before: inScope(current.flatMap((c) => c.members)),
      after: inScope(plan.circles.flatMap((c) => c.members)),
      total: communities.length,
    },
    unassignedDetail: plan.unassigned.flatMap((code) => {
      const c = byCode.get(code);
      return c ? [{ code, name: c.name, streetCode: c.streetCode, located: !!c.location }] : [];
    }),
  };
}

/**
 * Replaces every 8- and 10-minute circle with a fresh proposal (planned, no year yet), keeping each community's
 * circle in step; 15-minute circles stay. `from: 'fifteen'` accepts the split of the 15-minute circles.
 */
export async function acceptProposal(
  store: Store,
  minutes: 8 | 10,
  now: Date,
  from?: 'fifteen',
  merge?: boolean,
): Promise<Circle[]> {
  const at = now.toISOString();
  const split = from === 'fifteen' ? await proposeFromFifteen(store, minutes) : null;
  const plan = split
    ? merge
      ? await proposeMerged(store, minutes, undefined, split)
      : split
    : await proposeCircles(store, minutes);
  const old = (await readAll(store, 'circles')).filter((x) => levelOf(x.minutes) === 'ten');
  const saved: Circle[] = plan.circles.map((p, i) => ({
    id: `circle-${p.streetCode}-${String(i + 1).padStart(2, '0')}`,
    name: p.name,
    streetCode: p.streetCode,
    members: p.members,
    centre: p.centre,
    minutes: p.minutes ?? minutes,
    year: null,
    status: 'planned',
    source: 'proposed',
    parentId: p.parentId ?? null,
    createdAt: at,
    updatedAt: at,
  }));
  // One transaction: a plan is replaced whole or not at all, so a failure half-way never leaves a district with
  // part of the old circles and part of the new ones.
  await store.transaction(async (tx) => {
    const circleOf = new Map<string, string | null>();
    for (const c of old) {
      await tx.remove('circles', c.id);
      for (const m of c.members) circleOf.set(m, null);
    }
    for (const circle of saved) {
      await tx.set('circles', circle.id, circle);
      for (const m of circle.members) circleOf.set(m, circle.id);
    }
    for (const [code, circleId] of circleOf)
      if (circleId !== null || (await tx.get('communities', code))) await tx.update('communities', code, { circleId });
  });
  return saved;
}

/**
 * Admin: accept a proposal, refusing to replace existing circles unless asked to. `merge` without `from` merges the
 * current circles in place (answering the merged ones); with `from: 'fifteen'` it accepts the merged split.
 */
export async function acceptCircles(
  { store, now, user }: SignedInCtx,
  input: { minutes: 8 | 10; replace?: boolean; from?: 'fifteen'; merge?: boolean },
): Promise<{ circles: Circle[] }> {
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', '只有区商务局管理员可以采纳整体方案');
  if (input.merge && input.from !== 'fifteen') return { circles: await applyMerge(store, input.minutes, now()) };
  const existing = await store.count('circles', { minutes: { in: [8, 10] } });
  if (existing && !input.replace)
    throw new AppError('CONFLICT', `已有 ${existing} 个生活圈；确认替换请选择“替换现有生活圈”`, 'replace');
  return { circles: await acceptProposal(store, input.minutes, now(), input.from, input.merge) };
}
