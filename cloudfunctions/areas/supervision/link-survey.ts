import type { CircleSurveyLink, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';

/**
 * The admin links a circle to the survey whose question measures its residents' satisfaction: a 1–5 rating (4 and
 * 5 count as satisfied) or a single choice (the options named satisfied; by default those saying 满意 without 不).
 */
export async function linkSurvey(
  { store, now, user }: SignedInCtx,
  { circleId, surveyId, questionId, satisfiedOptions }: Req<'supervision.linkSurvey'>,
): Promise<Res<'supervision.linkSurvey'>> {
  const [circle, survey] = await Promise.all([store.get('circles', circleId), store.get('surveys', surveyId)]);
  if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'circleId');
  if (!survey) throw new AppError('NOT_FOUND', '未找到该问卷', 'surveyId');
  const q = survey.questions.find((x) => x.id === questionId);
  if (!q) throw new AppError('NOT_FOUND', '问卷中没有这道题', 'questionId');
  if (q.kind !== 'rating' && q.kind !== 'single')
    throw new AppError('INVALID_INPUT', '满意度须为打分题或单选题', 'questionId');
  const options =
    q.kind === 'single' ? (satisfiedOptions ?? q.options.filter((o) => o.includes('满意') && !o.includes('不'))) : [];
  if (q.kind === 'single' && (!options.length || options.some((o) => !q.options.includes(o))))
    throw new AppError('INVALID_INPUT', '请选择哪些选项算作满意', 'satisfiedOptions');
  const link: CircleSurveyLink = {
    id: circleId,
    circleId,
    surveyId,
    questionId,
    satisfiedOptions: options,
    linkedBy: user.openid,
    linkedAt: now().toISOString(),
  };
  await store.set('circleSurveys', circleId, link);
  return { circleId, surveyId, questionId };
}
