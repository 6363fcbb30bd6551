import type { Req, Res, Survey } from '../../../types';
import { AppError } from '../../core/errors';
import { targets } from '../../core/surveys';
import type { Ctx } from '../../router/define';
import { CATEGORY_IDS } from '../../router/schemas';
import { getManyMap, readAll } from '../../store/port';
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

/** One survey aimed at me (or run by me), with my answer. */
export async function getSurvey(
  { store, user, openid, now }: Ctx,
  { id }: Req<'surveys.get'>,
): Promise<Res<'surveys.get'>> {
  const [s, home] = await Promise.all([store.get('surveys', id), homeOf(store, user)]);
  if (!s || !(targets(s.target, home) || (user && canRunSurvey(user, s.target))))
    throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
  const t = now().toISOString();
  return {
    survey: publicSurvey(s),
    open: s.opensAt <= t && t < s.closesAt,
    mine: openid ? await store.get('surveyAnswers', `${s.id}_${openid}`) : null,
    missingOptions: CATEGORY_IDS,
  };
}
