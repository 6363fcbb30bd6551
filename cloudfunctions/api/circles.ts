import { z } from 'zod';
import {
  BASIC_CATEGORIES,
  CIRCLE_PLAN,
  CIRCLE_STATUSES,
  CIRCLE_YEARS,
  type Circle,
  type CircleDetail,
  type Community,
} from '../../types';
import { planCircles } from '../core/circles';
import { nearestWithin } from '../core/coverage';
import { AppError } from '../core/errors';
import { point } from '../core/geo';
import { displayMinutes, metersBetween, reachMeters } from '../core/reach';
import type { Store } from '../store/port';
import { basicName, indexFigure, loadCoverage, missingOf, readAll } from './coverage-model';
import { defineRouter } from './router';
import { communityCode, streetCode } from './schemas';

const reachChoice = z.union([z.literal(8), z.literal(10)], { error: '应为 8 或 10 分钟' });

async function proposal(store: Store, minutes: 8 | 10, street?: string) {
  const communities = await readAll(store, 'communities', street ? { streetCode: street } : undefined);
  const streets = (await readAll(store, 'streets')).filter((s) => !street || s.code === street);
  const circles: { name: string; streetCode: string; centre: ReturnType<typeof point>; members: string[] }[] = [];
  for (const s of streets) {
    const members = communities.filter((c) => c.streetCode === s.code && c.location);
    planCircles(
      members.map((c) => ({ code: c.code, point: c.location!.coordinates })),
      minutes,
    ).forEach((p, i) =>
      circles.push({
        name: `${s.name.replace(/街道$/, '')}${i + 1}号${minutes === 8 ? '八' : '十'}分钟便民生活圈`,
        streetCode: s.code,
        centre: point(Number(p.centre[0].toFixed(6)), Number(p.centre[1].toFixed(6))),
        members: p.members,
      }),
    );
  }
  return { minutes, circles, unassigned: communities.filter((c) => !c.location).map((c) => c.code) };
}

/** Replaces every circle with a fresh proposal (planned, no year yet), keeping each community's circle in step. */
export async function acceptProposal(store: Store, minutes: 8 | 10, now: Date): Promise<Circle[]> {
  const at = now.toISOString();
  const plan = await proposal(store, minutes);
  for (const c of await readAll(store, 'circles'))
    await store.transaction(async (tx) => {
      await tx.remove('circles', c.id);
      for (const m of c.members)
        if (await tx.get('communities', m)) await tx.update('communities', m, { circleId: null });
    });
  const saved: Circle[] = [];
  for (const [i, p] of plan.circles.entries()) {
    const circle: Circle = {
      id: `circle-${p.streetCode}-${String(i + 1).padStart(2, '0')}`,
      name: p.name,
      streetCode: p.streetCode,
      members: p.members,
      centre: p.centre,
      minutes,
      year: null,
      status: 'planned',
      source: 'proposed',
      createdAt: at,
      updatedAt: at,
    };
    await store.transaction(async (tx) => {
      await tx.set('circles', circle.id, circle);
      for (const m of circle.members) await tx.update('communities', m, { circleId: circle.id });
    });
    saved.push(circle);
  }
  return saved;
}

/** Badges and page of one circle, from the coverage read model. */
async function describe(
  store: Store,
  circle: Circle,
  communities?: Map<string, Community>,
  streetCoverage?: Awaited<ReturnType<typeof loadCoverage>>,
): Promise<CircleDetail> {
  const members = (
    await Promise.all(
      circle.members.map(async (code) => communities?.get(code) ?? (await store.get('communities', code))),
    )
  ).filter((c): c is Community => !!c);
  const coverage = streetCoverage ?? (await loadCoverage(store, circle.streetCode));
  const reach = reachMeters(circle.minutes);
  const locatedMembers = members.filter((c) => c.location);
  const categories = BASIC_CATEGORIES.map((cat) => {
    const nearest = locatedMembers
      .map((c) => coverage.get(c.code)?.categories[cat]?.[0]?.meters)
      .filter((m): m is number => m !== undefined);
    const covered = locatedMembers.filter((c) =>
      nearestWithin(coverage.get(c.code)?.categories[cat] ?? [], circle.minutes),
    ).length;
    return {
      category: cat,
      name: basicName(cat),
      minutes: nearest.length ? displayMinutes(Math.max(...nearest)) : null,
      coveredMembers: covered,
      missing: locatedMembers.length === 0 || covered < locatedMembers.length,
    };
  });
  return {
    circle,
    members: members.map((c) => ({
      code: c.code,
      name: c.name,
      located: !!c.location,
      withinReach: !!c.location && metersBetween(c.location.coordinates, circle.centre.coordinates) <= reach,
      missing: c.location ? missingOf(coverage.get(c.code), circle.minutes) : [],
    })),
    categories,
    basicCovered: categories.filter((c) => !c.missing).length,
    figure: indexFigure(members, coverage, circle.minutes),
  };
}

/** Circles: the plan's ten-minute (and eight-minute) convenience living circles, proposed, accepted and tracked. */
export const circlesRouter = defineRouter('circles', {
  list: {
    input: z.object({ streetCode: streetCode.optional() }),
    access: 'public',
    handler: async ({ streetCode: street }, { store }) => {
      const circles = await readAll(store, 'circles', street ? { streetCode: street } : undefined);
      const communities = new Map(
        (await readAll(store, 'communities', street ? { streetCode: street } : undefined)).map((c) => [c.code, c]),
      );
      const coverage = await loadCoverage(store, street);
      const out = [];
      for (const circle of circles.sort((a, b) => (a.streetCode + a.id < b.streetCode + b.id ? -1 : 1))) {
        const d = await describe(store, circle, communities, coverage);
        out.push({ circle, basicCovered: d.basicCovered, figure: d.figure });
      }
      return out;
    },
  },

  get: {
    input: z.object({ id: z.string().min(1).max(64) }),
    access: 'public',
    handler: async ({ id }, { store }) => {
      const circle = await store.get('circles', id);
      if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
      return describe(store, circle);
    },
  },

  propose: {
    input: z.object({ minutes: reachChoice, streetCode: streetCode.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ minutes, streetCode: street }, { store }) => proposal(store, minutes, street),
  },

  save: {
    input: z.discriminatedUnion('op', [
      z.object({ op: z.literal('accept'), minutes: reachChoice, replace: z.boolean().optional() }),
      z.object({
        op: z.literal('update'),
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(40).optional(),
        members: z.array(communityCode).max(60).optional(),
        year: z.union([z.literal(2023), z.literal(2024), z.literal(2025), z.null()]).optional(),
        status: z.enum(CIRCLE_STATUSES).optional(),
        minutes: reachChoice.optional(),
      }),
    ]),
    access: 'roles',
    roles: ['admin'],
    handler: async (input, { store, now }) => {
      const at = now().toISOString();
      if (input.op === 'accept') {
        const existing = await readAll(store, 'circles');
        if (existing.length && !input.replace)
          throw new AppError('CONFLICT', `已有 ${existing.length} 个生活圈；确认替换请设置 replace`, 'replace');
        return { circles: await acceptProposal(store, input.minutes, now()) };
      }
      const changed = await store.transaction(async (tx) => {
        const circle = await tx.get('circles', input.id);
        if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
        const touched: Circle[] = [];
        let members = circle.members;
        if (input.members) {
          members = [...new Set(input.members)];
          for (const code of members) {
            const c = await tx.get('communities', code);
            if (!c) throw new AppError('NOT_FOUND', `未找到社区 ${code}`, 'members');
            if (c.streetCode !== circle.streetCode)
              throw new AppError('INVALID_INPUT', `参数 members 有误：${c.name} 不属于本街道`, 'members');
            // Moving a community takes it out of the circle it was in: a community is in one circle at most.
            if (c.circleId && c.circleId !== circle.id) {
              const other = await tx.get('circles', c.circleId);
              if (other) {
                const next = { ...other, members: other.members.filter((m) => m !== code), updatedAt: at };
                await tx.set('circles', other.id, next);
                touched.push(next);
              }
            }
            await tx.update('communities', code, { circleId: circle.id });
          }
          for (const code of circle.members)
            if (!members.includes(code) && (await tx.get('communities', code)))
              await tx.update('communities', code, { circleId: null });
        }
        const next: Circle = {
          ...circle,
          name: input.name ?? circle.name,
          members,
          year: input.year === undefined ? circle.year : input.year,
          status: input.status ?? circle.status,
          minutes: input.minutes ?? circle.minutes,
          source: 'official',
          updatedAt: at,
        };
        await tx.set('circles', next.id, next);
        return [next, ...touched];
      });
      return { circles: changed };
    },
  },

  /** Built circles per year against the plan of 25 / 15 / 10. */
  progress: {
    input: z.object({}),
    access: 'public',
    handler: async (_input, { store }) => {
      const circles = await readAll(store, 'circles');
      let cumulativeTarget = 0;
      let cumulativeBuilt = 0;
      const years = CIRCLE_YEARS.map((year) => {
        const ofYear = circles.filter((c) => c.year === year);
        const built = ofYear.filter((c) => c.status === 'built').length;
        cumulativeTarget += CIRCLE_PLAN[year];
        cumulativeBuilt += built;
        return {
          year,
          target: CIRCLE_PLAN[year],
          built,
          building: ofYear.filter((c) => c.status === 'building').length,
          planned: ofYear.filter((c) => c.status === 'planned').length,
          cumulativeTarget,
          cumulativeBuilt,
        };
      });
      return { years, unscheduled: circles.filter((c) => c.year === null).length, total: circles.length };
    },
  },
});
