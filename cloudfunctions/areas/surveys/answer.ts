import type { Req, SurveyAnswer } from '../../../types';
import { AppError } from '../../core/errors';
import { needsModeration } from '../../core/ratings';
import { checkAnswers } from '../../core/surveys';
import { targets } from '../../core/surveys';
import type { SignedInCtx } from '../../router/define';
import { CATEGORY_IDS } from '../../router/schemas';
import { homeOf } from './repo';

/** Answer once: a second answer is refused and changes nothing; only while the survey is open; only its residents. */
export async function answerSurvey(
  { store, user, now }: SignedInCtx,
  { id, answers }: Req<'surveys.answer'>,
): Promise<SurveyAnswer> {
  const at = now();
  const [survey, home] = await Promise.all([store.get('surveys', id), homeOf(store, user)]);
  if (!survey || !targets(survey.target, home))
    throw new AppError('NOT_FOUND', '未找到该问卷，或它不面向您所在的社区', 'id');
  if (at.toISOString() < survey.opensAt) throw new AppError('CLOSED', '问卷尚未开始');
  if (at.toISOString() >= survey.closesAt) throw new AppError('CLOSED', '问卷已截止');
  const checked = checkAnswers(survey.questions, answers, CATEGORY_IDS);
  if ('error' in checked) throw new AppError('INVALID_INPUT', checked.error, checked.field);
  const flaggedText = survey.questions.some(
    (q) =>
      q.kind === 'text' &&
      typeof checked.answers[q.id] === 'string' &&
      needsModeration(checked.answers[q.id] as string),
  );
  const answerId = `${id}_${user.openid}`;
  return store.transaction(async (tx) => {
    const s = await tx.get('surveys', id);
    if (!s) throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
    if (await tx.get('surveyAnswers', answerId))
      throw new AppError('CONFLICT', '您已经提交过这份问卷，每人只能提交一次');
    const answer: SurveyAnswer = {
      id: answerId,
      surveyId: id,
      openid: user.openid,
      communityCode: home?.communityCode ?? null,
      answers: checked.answers,
      flaggedText,
      createdAt: at.toISOString(),
    };
    await tx.set('surveys', id, { ...s, answerCount: s.answerCount + 1 });
    await tx.set('surveyAnswers', answerId, answer);
    return answer;
  });
}
