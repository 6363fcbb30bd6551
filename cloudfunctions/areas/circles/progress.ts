import { CIRCLE_PLAN, CIRCLE_YEARS, type Res } from '../../../types';
import { levelOf } from '../../core/circles';
import type { Ctx } from '../../router/define';
import { readAll } from '../../store/port';

/**
 * Built 8/10-minute circles per year against the plan of 25 / 15 / 10; 8-minute pilots also counted apart;
 * 15-minute circles only counted (a level of their own); and how many of the district's communities the plan holds,
 * including those still without a location.
 */
export async function circleProgress({ store }: Ctx): Promise<Res<'circles.progress'>> {
  const [all, communities, streets] = await Promise.all([
    readAll(store, 'circles'),
    readAll(store, 'communities'),
    readAll(store, 'streets'),
  ]);
  const circles = all.filter((c) => levelOf(c.minutes) === 'ten');
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
  const pilots = circles.filter((c) => c.minutes === 8);
  const ids = new Set(circles.map((c) => c.id));
  const inCircle = communities.filter((c) => c.circleId && ids.has(c.circleId));
  return {
    years,
    unscheduled: circles.filter((c) => c.year === null).length,
    total: circles.length,
    pilots: {
      total: pilots.length,
      built: pilots.filter((c) => c.status === 'built').length,
      building: pilots.filter((c) => c.status === 'building').length,
      planned: pilots.filter((c) => c.status === 'planned').length,
      streets: streets.filter((s) => s.eightMinutePilot).map((s) => s.code),
    },
    fifteen: all.length - circles.length,
    communities: {
      total: communities.length,
      inCircle: inCircle.length,
      unlocatedInCircle: inCircle.filter((c) => !c.location).length,
    },
  };
}
