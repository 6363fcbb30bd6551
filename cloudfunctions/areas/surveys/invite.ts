import type { Survey, User } from '../../../types';
import { beijingTime } from '../../../types/time';
import type { Store, Where } from '../../store/port';
import { forEachPage, readAll } from '../../store/port';
import { queueMessage } from '../messages';

/** The home communities a survey is aimed at (null: every person who has said where they live). */
async function targetCommunities(store: Store, survey: Survey): Promise<string[] | null> {
  const t = survey.target;
  if (t.kind === 'district') return null;
  if (t.kind === 'community') return [t.communityCode];
  if (t.kind === 'circle') return (await store.get('circles', t.circleId))?.members ?? [];
  return (await readAll(store, 'communities', { streetCode: t.streetCode })).map((c) => c.code);
}

/**
 * 问卷邀请: everyone whose home community the survey is aimed at gets one invitation (its id is fixed by the survey
 * and the person, so running this twice invites nobody twice), a page of people per transaction. Marks the survey
 * invited at the end.
 */
export async function inviteToSurvey(store: Store, survey: Survey, now: Date): Promise<number> {
  const at = now.toISOString();
  const codes = await targetCommunities(store, survey);
  let n = 0;
  const invite = (people: User[]) =>
    store.transaction(async (tx) => {
      for (const u of people)
        if (
          await queueMessage(
            tx,
            {
              id: `surveyInvite_${survey.id}_${u.openid}`,
              recipient: u.openid,
              kind: 'surveyInvite',
              title: '邀请您填写问卷',
              body: `“${survey.title}”面向您所在的社区征求意见，${beijingTime(survey.closesAt)} 截止。`,
              link: { page: 'survey', params: { id: survey.id } },
            },
            at,
          )
        )
          n++;
    });
  const groups: Where[] =
    codes === null
      ? [{ homeCommunityCode: { gt: '' } }]
      : Array.from({ length: Math.ceil(codes.length / 100) }, (_, i) => ({
          homeCommunityCode: { in: codes.slice(i * 100, i * 100 + 100) },
        }));
  for (const where of groups) await forEachPage(store, 'users', where, invite);
  await store.update('surveys', survey.id, { invitedAt: at });
  return n;
}

/** The job: invites for surveys that are open now and have not invited yet. */
export async function inviteOpenSurveys(store: Store, now: Date): Promise<number> {
  const at = now.toISOString();
  const open = (await readAll(store, 'surveys', { closesAt: { gt: at } })).filter(
    (s) => s.opensAt <= at && !s.invitedAt,
  );
  let n = 0;
  for (const s of open) n += await inviteToSurvey(store, s, now);
  return n;
}
