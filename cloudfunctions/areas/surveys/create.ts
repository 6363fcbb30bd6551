import crypto from 'node:crypto';
import type { Req, Survey, SurveyTarget } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { inviteToSurvey } from './invite';
import { canRunSurvey } from './repo';

/** A worker or admin publishes a survey aimed at the district, a street, a circle or a community. */
export async function createSurvey({ store, user, now }: SignedInCtx, input: Req<'surveys.create'>): Promise<Survey> {
  let target: SurveyTarget;
  if (input.target.kind === 'circle') {
    const circle = await store.get('circles', input.target.circleId);
    if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'target.circleId');
    target = { kind: 'circle', circleId: circle.id, streetCode: circle.streetCode };
  } else if (input.target.kind === 'community') {
    const c = await store.get('communities', input.target.communityCode);
    if (!c) throw new AppError('NOT_FOUND', '未找到该社区', 'target.communityCode');
    target = { kind: 'community', communityCode: c.code, streetCode: c.streetCode };
  } else target = input.target;
  if (!canRunSurvey(user, target)) throw new AppError('FORBIDDEN', '只能面向本街道（社区）发布问卷');
  const survey: Survey = {
    id: `sv-${crypto.randomUUID()}`,
    title: input.title,
    description: input.description ?? '',
    target,
    opensAt: new Date(input.opensAt).toISOString(),
    closesAt: new Date(input.closesAt).toISOString(),
    questions: input.questions.map((q, i) => ({
      id: `q${i + 1}`,
      kind: q.kind,
      title: q.title,
      options: q.kind === 'single' || q.kind === 'multiple' ? (q.options ?? []) : [],
      required: q.required ?? true,
    })),
    answerCount: 0,
    createdBy: user.openid,
    createdAt: now().toISOString(),
  };
  await store.set('surveys', survey.id, survey);
  // Open already: its residents are invited now (a survey that opens later is invited by the messages job).
  if (survey.opensAt <= survey.createdAt) await inviteToSurvey(store, survey, now());
  return survey;
}
