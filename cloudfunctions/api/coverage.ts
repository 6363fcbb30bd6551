import { z } from 'zod';
import {
  BASIC_CATEGORIES,
  CATEGORIES,
  type CategoryId,
  type CommunityEvent,
  type CommunityGap,
  type Community,
  type CommunityCoverage,
} from '../../types';
import { AppError } from '../core/errors';
import { chooseSites, nearestWithin, type SitingCandidate } from '../core/coverage';
import { contains } from '../core/geo';
import { degreesPerMeter, displayMinutes, metersBetween, reachMeters } from '../core/reach';
import { basicName, indexFigure, loadCoverage, missingOf, readAll } from './coverage-model';
import { activeEvents } from './events';
import { XICHENG } from './district';
import { defineRouter } from './router';
import { streetCode } from './schemas';

const minutesChoice = z.union([z.literal(8), z.literal(10), z.literal(15)], { error: '应为 8、10 或 15 分钟' });
const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
/** Grid spacing of siting candidates inside the district outline. */
const SITING_GRID_M = 250;

function sitingGrid(): SitingCandidate[] {
  const [minLng, minLat, maxLng, maxLat] = XICHENG.bbox;
  const perMeter = degreesPerMeter((minLat + maxLat) / 2);
  const stepLat = SITING_GRID_M * perMeter.lat;
  const stepLng = SITING_GRID_M * perMeter.lng;
  const out: SitingCandidate[] = [];
  for (let lat = minLat; lat <= maxLat; lat += stepLat)
    for (let lng = minLng; lng <= maxLng; lng += stepLng)
      if (contains(XICHENG, lng, lat))
        out.push({ point: [Number(lng.toFixed(6)), Number(lat.toFixed(6))], label: '网格点' });
  return out;
}
let grid: SitingCandidate[] | null = null;

/**
 * Pop-up coverage: a community counts as served "with pop-ups" when the services offered at events within
 * reach of it fill what it lacks. With `at`, only events under way at that instant count; without, every event
 * not yet over.
 */
function popUpFigure(
  located: Community[],
  coverage: Map<string, CommunityCoverage>,
  events: CommunityEvent[],
  minutes: number,
  at?: Date,
) {
  const live = at
    ? events.filter((e) => Date.parse(e.startAt) <= at.getTime() && at.getTime() <= Date.parse(e.endAt))
    : events;
  const reach = reachMeters(minutes);
  let served = 0;
  let reached = 0;
  for (const c of located) {
    const offered = new Set(
      live
        .filter((e) => metersBetween(e.location.coordinates, c.location!.coordinates) <= reach)
        .flatMap((e) => e.categories),
    );
    if (offered.size) reached++;
    if (missingOf(coverage.get(c.code), minutes, at).every((cat) => offered.has(cat as CategoryId))) served++;
  }
  return {
    events: live.length,
    served,
    index: located.length ? served / located.length : null,
    communitiesReached: reached,
  };
}

/** Coverage: the convenience index, each community's gaps, and where a new outlet would close the most gaps. */
export const coverageRouter = defineRouter('coverage', {
  /**
   * The share of located communities that reach all eight basic services within `minutes` (open at `openAt`
   * when given), for the district, each street and each circle, with the unlocated communities counted apart.
   */
  report: {
    input: z.object({
      minutes: minutesChoice.optional(),
      openAt: z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-11-28T07:00:00+08:00' }).optional(),
      streetCode: streetCode.optional(),
    }),
    access: 'public',
    handler: async ({ minutes = 10, openAt, streetCode: street }, { store, now }) => {
      const at = openAt ? new Date(openAt) : undefined;
      const communities = await readAll(store, 'communities', street ? { streetCode: street } : undefined);
      const coverage = await loadCoverage(store, street);
      const streets = (await readAll(store, 'streets')).filter((s) => !street || s.code === street);
      const circles = await readAll(store, 'circles', street ? { streetCode: street } : undefined);
      const byCode = new Map(communities.map((c) => [c.code, c]));
      const meta = await store.get('meta', 'coverage');
      const locatedList = communities.filter((c) => c.location);
      return {
        minutes,
        openAt: openAt ?? null,
        computedAt: meta?.updatedAt ?? null,
        district: indexFigure(communities, coverage, minutes, at),
        streets: streets.map((s) => ({
          code: s.code,
          name: s.name,
          ...indexFigure(
            communities.filter((c) => c.streetCode === s.code),
            coverage,
            minutes,
            at,
          ),
        })),
        circles: circles.map((c) => ({
          id: c.id,
          name: c.name,
          ...indexFigure(
            c.members.map((m) => byCode.get(m)).filter((m): m is Community => !!m),
            coverage,
            minutes,
            at,
          ),
        })),
        popUp: popUpFigure(locatedList, coverage, await activeEvents(store, at ?? now()), minutes, at),
        categories: BASIC_CATEGORIES.map((cat) => ({
          id: cat,
          name: basicName(cat),
          covered: locatedList.filter((c) => !missingOf(coverage.get(c.code), minutes, at).includes(cat)).length,
        })),
      };
    },
  },

  /** Per located community: each basic category's nearest minutes at a 10-minute walk; missing ones marked. */
  gaps: {
    input: z.object({ streetCode: streetCode.optional(), minutes: minutesChoice.optional() }),
    access: 'public',
    handler: async ({ streetCode: street, minutes = 10 }, { store }) => {
      const communities = (await readAll(store, 'communities', street ? { streetCode: street } : undefined)).filter(
        (c) => c.location,
      );
      const coverage = await loadCoverage(store, street);
      const gaps: CommunityGap[] = communities.map((c) => {
        const cov = coverage.get(c.code);
        const nearest = BASIC_CATEGORIES.map((cat) => {
          const first = cov?.categories[cat]?.[0] ?? null;
          const missing = !nearestWithin(cov?.categories[cat] ?? [], minutes);
          return {
            category: cat,
            minutes: first ? displayMinutes(first.meters) : null,
            outletId: first?.id ?? null,
            missing,
          };
        });
        return {
          communityCode: c.code,
          communityName: c.name,
          streetCode: c.streetCode,
          location: c.location!,
          nearest,
          missing: nearest.filter((n) => n.missing).map((n) => n.category),
        };
      });
      return gaps.sort((a, b) => b.missing.length - a.missing.length || (a.communityCode < b.communityCode ? -1 : 1));
    },
  },

  /**
   * Where new outlets of a category would reach the most communities that lack it: up to k picks among the
   * community points and a 250 m grid inside the district, chosen greedily.
   */
  siting: {
    input: z.object({
      category: z.enum(categoryIds),
      k: z.number().int().min(1).max(10),
      minutes: minutesChoice.optional(),
      streetCode: streetCode.optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ category, k, minutes = 10, streetCode: street }, { store }) => {
      if (!(BASIC_CATEGORIES as readonly string[]).includes(category))
        throw new AppError('INVALID_INPUT', '参数 category 有误：选址只针对八类基本保障业态', 'category');
      const communities = (await readAll(store, 'communities', street ? { streetCode: street } : undefined)).filter(
        (c) => c.location,
      );
      const coverage = await loadCoverage(store, street);
      const uncovered = communities
        .filter((c) => missingOf(coverage.get(c.code), minutes).includes(category))
        .map((c) => ({ code: c.code, point: c.location!.coordinates }));
      grid ??= sitingGrid();
      const candidates: SitingCandidate[] = [
        ...communities.map((c) => ({ point: c.location!.coordinates, label: c.name })),
        ...grid,
      ];
      const picks = chooseSites(uncovered, candidates, k, minutes);
      return {
        category,
        uncovered: uncovered.length,
        picks: picks.map((p) => ({
          point: { type: 'Point' as const, coordinates: p.point },
          label: p.label,
          covers: p.covers,
        })),
      };
    },
  },
});
