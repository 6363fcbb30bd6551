import { CATEGORY_BY_ID, type CategoryId, type Req, type Res } from '../../../types';
import { safeFilename } from '../../core/csv';
import { answerRows, tally } from '../../core/surveys';
import { peopleExport } from '../../core/xlsx';
import type { SignedInCtx } from '../../router/define';
import { CATEGORY_IDS } from '../../router/schemas';
import { getManyMap, readAll } from '../../store/port';
import { surveyToRun } from './repo';

/** Counts and percentages per question, a breakdown by community, free text (flagged text left out). */
export async function surveyResults(
  { store, user }: SignedInCtx,
  { id }: Req<'surveys.results'>,
): Promise<Res<'surveys.results'>> {
  const survey = await surveyToRun(store, user, id);
  const answers = await readAll(store, 'surveyAnswers', { surveyId: id });
  const result = tally(survey, answers, CATEGORY_IDS);
  const communities = await getManyMap(
    store,
    'communities',
    result.byCommunity.flatMap((r) => (r.communityCode ? [r.communityCode] : [])),
  );
  const names = new Map([...communities].map(([code, c]) => [code, c.name]));
  return {
    survey,
    ...result,
    questions: result.questions.map((q) => ({
      ...q,
      options:
        q.kind === 'missing'
          ? q.options.map((o) => ({ ...o, option: CATEGORY_BY_ID[o.option as CategoryId]?.name ?? o.option }))
          : q.options,
    })),
    byCommunity: result.byCommunity.map((r) => ({
      ...r,
      name: r.communityCode ? (names.get(r.communityCode) ?? r.communityCode) : '未填写社区',
    })),
  };
}

/** Every answer as CSV, with community names and the missing-service options in Chinese. */
export async function exportSurvey(
  { store, user }: SignedInCtx,
  { id }: Req<'surveys.export'>,
): Promise<Res<'surveys.export'>> {
  const survey = await surveyToRun(store, user, id);
  const answers = await readAll(store, 'surveyAnswers', { surveyId: id });
  const names = new Map((await readAll(store, 'communities')).map((c) => [c.code, c.name]));
  const display = answers.map((a) => ({
    ...a,
    answers: Object.fromEntries(
      Object.entries(a.answers).map(([q, v]) => [
        q,
        survey.questions.find((x) => x.id === q)?.kind === 'missing' && Array.isArray(v)
          ? v.map((c) => CATEGORY_BY_ID[c as CategoryId]?.name ?? c)
          : v,
      ]),
    ),
  }));
  return peopleExport(
    safeFilename(survey.title, '问卷结果.csv'),
    '问卷结果',
    answerRows(survey, display, (code) => (code ? (names.get(code) ?? code) : '')),
  );
}
