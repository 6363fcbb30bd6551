import type { Req, Res, Survey, SurveyTarget } from '../../../types';
import { AppError } from '../../core/errors';
import { targets } from '../../core/surveys';
import type { Ctx } from '../../router/define';
import { CATEGORY_IDS } from '../../router/schemas';
import { getManyMap, readAll, type Store } from '../../store/port';
import { canRunSurvey, homeOf } from './repo';

/** A survey as anyone may see it: not who published it. */
const publicSurvey = (s: Survey): Survey => ({ ...s, createdBy: '' });

/** Open surveys aimed at me (by my home community), and whether I answered each. Workers also see their own. */
export async function listSurveys({ store, user, openid, now }: Ctx): Promise<Res<'surveys.list'>> {
  const t = now().toISOString();
  const home = await homeOf(store, user);
  const surveys = (await readAll(store, 'surveys', { closesAt: { gte: t } }))
    .filter((s) => targets(s.target, home) || (user && canRunSurvey(user, s.target)))
    .sort((a, b) => (a.closesAt < b.closesAt ? -1 : 1));
  const answered = openid
    ? await getManyMap(
        store,
        'surveyAnswers',
        surveys.map((s) => `${s.id}_${openid}`),
      )
    : new Map();
  return surveys.map((s) => ({
    survey: publicSurvey(s),
    open: s.opensAt <= t && t < s.closesAt,
    answered: answered.has(`${s.id}_${openid}`),
    forMe: targets(s.target, home),
  }));
}

/** Whom a survey is for, in words: 西城区全区, a street, a circle or a community by name. */
export async function audienceOf(store: Store, target: SurveyTarget): Promise<string> {
  switch (target.kind) {
    case 'district':
      return '西城区全区';
    case 'street':
      return (await store.get('streets', target.streetCode))?.name ?? '本街道';
    case 'circle':
      return (await store.get('circles', target.circleId))?.name ?? '本生活圈';
    case 'community': {
      const [c, s] = await Promise.all([
        store.get('communities', target.communityCode),
        store.get('streets', target.streetCode),
      ]);
      return c ? `${s?.name ?? ''}${c.name}` : '本社区';
    }
  }
}

/**
 * One survey, with my answer. A survey shared into a group reaches people it is not aimed at: they see whom it is
 * for, and no questions, instead of an error.
 */
export async function getSurvey(
  { store, user, openid, now }: Ctx,
  { id }: Req<'surveys.get'>,
): Promise<Res<'surveys.get'>> {
  const [s, home] = await Promise.all([store.get('surveys', id), homeOf(store, user)]);
  if (!s) throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
  const forMe = targets(s.target, home);
  const runs = !!user && canRunSurvey(user, s.target);
  const t = now().toISOString();
  return {
    survey: forMe || runs ? publicSurvey(s) : { ...publicSurvey(s), questions: [] },
    open: s.opensAt <= t && t < s.closesAt,
    mine: openid ? await store.get('surveyAnswers', `${s.id}_${openid}`) : null,
    missingOptions: CATEGORY_IDS,
    audience: await audienceOf(store, s.target),
    forMe,
  };
}
