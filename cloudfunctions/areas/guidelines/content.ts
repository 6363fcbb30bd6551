import {
  BASIC_CATEGORIES,
  BRAND_NAMES,
  CATEGORIES,
  CATEGORY_BY_ID,
  DESIGNATION_NAMES,
  type CategoryId,
  type GuidelineView,
  type Req,
} from '../../../types';
import { beijingDate } from '../../../types/time';
import { AppError } from '../../core/errors';
import type { Ctx } from '../../router/define';
import { getManyMap, readAll } from '../../store/port';
import { chooseSites } from '../../core/coverage';
import { communityGaps, indexFigure, loadCoverage } from '../coverage';
import { listDesignations } from '../supervision';

const QUALITY = CATEGORIES.filter((c) => c.tier === 'quality');
const nameOf = (c: string) => CATEGORY_BY_ID[c as CategoryId]?.name ?? c;
/** Siting picks shown per missing service. */
const PICKS = 2;

/**
 * A street's 一街一则 from live data: its communities and circles, the 10-minute index, the basic services missing
 * and where to add them (the coverage area's gaps and siting), the most reported demand, formats to recommend by
 * tier, its 示范 outlets and circles, and the workers' own text with its versions.
 */
export async function guidelineView(ctx: Ctx, { streetCode }: Req<'guidelines.get'>): Promise<GuidelineView> {
  const { store } = ctx;
  const street = await store.get('streets', streetCode);
  if (!street) throw new AppError('NOT_FOUND', '未找到该街道', 'streetCode');
  const [communities, coverage, circles, gaps, reports, outlets, designations, doc, versions] = await Promise.all([
    readAll(store, 'communities', { streetCode }),
    loadCoverage(store, streetCode),
    readAll(store, 'circles', { streetCode }),
    communityGaps(ctx, { streetCode }),
    readAll(store, 'demandReports', { streetCode }),
    readAll(store, 'outlets', { streetCode, status: 'approved' }),
    listDesignations(store),
    store.get('guidelines', streetCode),
    readAll(store, 'guidelineVersions', { streetCode }, { field: 'version', direction: 'desc' }),
  ]);
  const byCode = await getManyMap(
    store,
    'communities',
    circles.flatMap((c) => c.members),
  );
  const missingCats = BASIC_CATEGORIES.filter((cat) => gaps.some((g) => g.missing.includes(cat)));
  // Where to add each missing service: the street's community points that would close the most gaps (the same
  // greedy choice as the coverage area's siting, among the street's own communities).
  const candidates = communities
    .filter((c) => c.location)
    .map((c) => ({ point: c.location!.coordinates, label: c.name }));
  const sitings = missingCats.map((category) =>
    chooseSites(
      gaps
        .filter((g) => g.missing.includes(category))
        .map((g) => ({ code: g.communityCode, point: g.location.coordinates })),
      candidates,
      PICKS,
      10,
    ),
  );
  const nameByCode = new Map(communities.map((c) => [c.code, c.name]));
  const demand = new Map<string, number>();
  for (const r of reports) demand.set(r.category, (demand.get(r.category) ?? 0) + 1);
  const present = new Set(outlets.flatMap((o) => o.categories));
  const timeHonored = outlets.filter((o) => o.brand === 'timeHonored');
  const specialty = outlets.filter((o) => o.brand === 'specialty');
  const missingQuality = QUALITY.filter((q) => !present.has(q.id)).map((q) => q.name);
  return {
    streetCode,
    streetName: street.name,
    date: beijingDate(ctx.now()),
    figure: indexFigure(communities, coverage, 10),
    communities: communities.map((c) => ({
      code: c.code,
      name: c.name,
      located: !!c.location,
      missing: (gaps.find((g) => g.communityCode === c.code)?.missing ?? []).map(nameOf),
    })),
    circles: circles.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      members: c.members.length,
      index: indexFigure(
        c.members.map((m) => byCode.get(m)).filter((m) => !!m),
        coverage,
        c.minutes,
      ).index,
    })),
    gaps: missingCats.map((category, i) => ({
      category,
      name: nameOf(category),
      communities: gaps.filter((g) => g.missing.includes(category)).length,
      suggestions: sitings[i].map(
        (p) => `${p.label}附近：可使 ${p.covers.map((c) => nameByCode.get(c) ?? c).join('、')}补齐`,
      ),
    })),
    topDemand: [...demand]
      .map(([category, count]) => ({ category: category as CategoryId, name: nameOf(category), count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 5),
    recommended: [
      {
        tier: 'basic',
        title: '基本保障类（优先补齐）',
        items: missingCats.length ? missingCats.map(nameOf) : ['八类基本保障业态已齐全，保持稳定经营'],
      },
      {
        tier: 'quality',
        title: '品质提升类',
        items: missingQuality.length ? missingQuality.slice(0, 6) : ['品质提升类业态已较齐全，鼓励提升服务品质'],
      },
      {
        tier: 'character',
        title: '街道特色（老字号、特色小店）',
        items: [
          `${BRAND_NAMES.timeHonored} ${timeHonored.length} 家${
            timeHonored.length
              ? `：${timeHonored
                  .slice(0, 5)
                  .map((o) => o.name)
                  .join('、')}`
              : ''
          }`,
          `${BRAND_NAMES.specialty} ${specialty.length} 家${
            specialty.length
              ? `：${specialty
                  .slice(0, 5)
                  .map((o) => o.name)
                  .join('、')}`
              : ''
          }`,
          '鼓励老字号进社区、特色小店错位经营，保留街区烟火气',
        ],
      },
    ],
    featured: designations
      .filter((d) => d.streetCode === streetCode)
      .map((d) => ({ name: d.targetName, kind: DESIGNATION_NAMES[d.kind], year: d.year, reason: d.reason })),
    notes: doc?.notes ?? '',
    version: doc?.version ?? 0,
    updatedAt: doc?.updatedAt ?? null,
    history: versions.map((v) => ({ version: v.version, at: v.at, index: v.index })),
  };
}
