import { BASIC_CATEGORIES, type CommunityGap, type Req } from '../../../types';
import { nearestWithin } from '../../core/coverage';
import { displayMinutes } from '../../core/reach';
import type { Ctx } from '../../router/define';
import { readAll } from '../../store/port';
import { loadCoverage } from './model';

/** Per located community: each basic category's nearest minutes at a walk; missing ones marked; most gaps first. */
export async function communityGaps(
  { store }: Ctx,
  { streetCode: street, minutes = 10 }: Req<'coverage.gaps'>,
): Promise<CommunityGap[]> {
  const [all, coverage] = await Promise.all([
    readAll(store, 'communities', street ? { streetCode: street } : undefined),
    loadCoverage(store, street),
  ]);
  const gaps: CommunityGap[] = all
    .filter((c) => c.location)
    .map((c) => {
      const cov = coverage.get(c.code);
      const nearest = BASIC_CATEGORIES.map((cat) => {
        const first = cov?.categories[cat]?.[0] ?? null;
        return {
          category: cat,
          minutes: first ? displayMinutes(first.meters) : null,
          outletId: first?.id ?? null,
          missing: !nearestWithin(cov?.categories[cat] ?? [], minutes),
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
}
