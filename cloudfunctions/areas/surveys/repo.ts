import type { Survey, SurveyTarget, User } from '../../../types';
import { AppError } from '../../core/errors';
import type { Home } from '../../core/surveys';
import type { Store } from '../../store/port';

/** Where a person lives, as surveys target it (null when they have not said). */
export async function homeOf(store: Store, user: User | null): Promise<Home | null> {
  if (!user?.homeCommunityCode) return null;
  const c = await store.get('communities', user.homeCommunityCode);
  return c ? { communityCode: c.code, streetCode: c.streetCode, circleId: c.circleId ?? null } : null;
}

/** A worker runs surveys of their street (a community worker: of their community); an admin, any. */
export function canRunSurvey(user: User, t: SurveyTarget): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'worker' || !user.scope) return false;
  if (user.scope.kind === 'street') return t.kind !== 'district' && t.streetCode === user.scope.streetCode;
  return t.kind === 'community' && t.communityCode === user.scope.communityCode;
}

/** A survey the caller runs (worker of its area, admin), or NOT_FOUND / FORBIDDEN. */
export async function surveyToRun(store: Store, user: User, id: string): Promise<Survey> {
  const survey = await store.get('surveys', id);
  if (!survey) throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
  if (!canRunSurvey(user, survey.target)) throw new AppError('FORBIDDEN', '只能查看本街道（社区）的问卷');
  return survey;
}
