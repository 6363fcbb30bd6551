import { CIRCLE_PLAN, CIRCLE_YEARS, type Res } from '../../../types';
import type { Ctx } from '../../router/define';
import { readAll } from '../../store/port';

/** Built circles per year against the plan of 25 / 15 / 10. */
export async function circleProgress({ store }: Ctx): Promise<Res<'circles.progress'>> {
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
}
