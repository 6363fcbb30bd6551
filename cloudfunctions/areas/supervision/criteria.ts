import {
  BASIC_CATEGORIES,
  CATEGORIES,
  type Circle,
  type CircleSurveyLink,
  type Community,
  type Criterion,
  type EvaluationThresholds,
} from '../../../types';
import { reachMeters } from '../../core/reach';
import { getManyMap, readAll, type Store } from '../../store/port';
import { loadCoverage, missingOf } from '../coverage';

const QUALITY: string[] = CATEGORIES.filter((c) => c.tier === 'quality').map((c) => c.id);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const DAY_MS = 24 * 3600 * 1000;

/** Every member community reaches all eight basic services within the circle's minutes (unlocated ones cannot). */
export async function basicCriterion(store: Store, circle: Circle): Promise<Criterion> {
  const [members, coverage] = await Promise.all([
    getManyMap(store, 'communities', circle.members),
    loadCoverage(store, circle.streetCode),
  ]);
  const list = circle.members.map((m) => members.get(m)).filter((c): c is Community => !!c);
  const located = list.filter((c) => c.location);
  const served = located.filter((c) => missingOf(coverage.get(c.code), circle.minutes).length === 0).length;
  const unlocated = list.length - located.length;
  return {
    id: 'basic',
    name: `成员社区步行 ${circle.minutes} 分钟内八类基本业态齐全`,
    passed: list.length > 0 && unlocated === 0 && served === list.length,
    figure:
      `${served}/${list.length} 个社区八类（${BASIC_CATEGORIES.length} 类）齐全` +
      (unlocated ? `，${unlocated} 个社区位置待补充` : ''),
    value: served,
    threshold: list.length,
  };
}

/** Distinct quality-improvement formats with an approved outlet within the circle's reach of its centre. */
export async function qualityCriterion(store: Store, circle: Circle, t: EvaluationThresholds): Promise<Criterion> {
  const hits = await store.nearby('outlets', {
    center: circle.centre.coordinates,
    maxMeters: reachMeters(circle.minutes),
    where: { status: 'approved', categories: { anyOf: QUALITY } },
  });
  const formats = new Set(hits.items.flatMap((h) => h.doc.categories.filter((c) => QUALITY.includes(c))));
  return {
    id: 'quality',
    name: `品质提升类业态不少于 ${t.qualityFormats} 种`,
    passed: formats.size >= t.qualityFormats,
    figure: `圈内有 ${formats.size} 种品质提升类业态`,
    value: formats.size,
    threshold: t.qualityFormats,
  };
}

/** Whether one answer counts as satisfied: a rating of 4 or 5, or one of the satisfied options. */
function satisfied(value: unknown, link: CircleSurveyLink): boolean {
  if (typeof value === 'number') return value >= 4;
  if (typeof value === 'string') return link.satisfiedOptions.includes(value);
  return false;
}

/** Share of satisfied answers on the linked survey's satisfaction question, with the number of answers. */
export async function satisfactionCriterion(store: Store, circle: Circle, t: EvaluationThresholds): Promise<Criterion> {
  const name = `居民满意度不低于 ${pct(t.satisfiedShare)}`;
  const link = await store.get('circleSurveys', circle.id);
  if (!link)
    return {
      id: 'satisfaction',
      name,
      passed: false,
      figure: '尚未关联满意度问卷',
      value: null,
      threshold: t.satisfiedShare,
    };
  const answers = await readAll(store, 'surveyAnswers', { surveyId: link.surveyId });
  const given = answers.map((a) => a.answers[link.questionId]).filter((v) => v !== undefined && v !== '');
  const yes = given.filter((v) => satisfied(v, link)).length;
  const share = given.length ? yes / given.length : null;
  const enough = given.length >= t.minAnswers;
  return {
    id: 'satisfaction',
    name,
    passed: enough && share !== null && share >= t.satisfiedShare,
    figure:
      share === null
        ? '问卷尚无回答'
        : `${given.length} 份回答，满意 ${yes} 份（${pct(share)}）` + (enough ? '' : `，回答不足 ${t.minAnswers} 份`),
    value: share,
    threshold: t.satisfiedShare,
  };
}

/**
 * Demand reports from the circle's communities that were due an answer (older than `answerDays`), and the share
 * answered (a reply or a status beyond 已收到) within that time. None due passes.
 */
export async function demandCriterion(
  store: Store,
  circle: Circle,
  t: EvaluationThresholds,
  now: Date,
): Promise<Criterion> {
  const members = new Set(circle.members);
  const reports = (await readAll(store, 'demandReports', { streetCode: circle.streetCode })).filter((r) =>
    members.has(r.communityCode),
  );
  const limit = t.answerDays * DAY_MS;
  const due = reports.filter((r) => now.getTime() - Date.parse(r.createdAt) >= limit || r.status !== 'received');
  const inTime = due.filter(
    (r) => (r.status !== 'received' || r.reply) && Date.parse(r.updatedAt) - Date.parse(r.createdAt) <= limit,
  ).length;
  const share = due.length ? inTime / due.length : null;
  return {
    id: 'demand',
    name: `居民诉求 ${t.answerDays} 天内答复率不低于 ${pct(t.answeredShare)}`,
    passed: share === null || share >= t.answeredShare,
    figure: share === null ? '暂无到期的居民诉求' : `${due.length} 条到期诉求，按时答复 ${inTime} 条（${pct(share)}）`,
    value: share,
    threshold: t.answeredShare,
  };
}
