import type { AnswerValue, Question, Survey, SurveyAnswer, SurveyTarget } from '../../types';
import { csvForPeople } from './csv';

/** Where a person lives, as far as surveys are concerned. */
export interface Home {
  communityCode: string;
  streetCode: string;
  circleId: string | null;
}

/** Whether a survey is aimed at a person living at `home` (district-wide surveys reach everyone). */
export function targets(target: SurveyTarget, home: Home | null): boolean {
  switch (target.kind) {
    case 'district':
      return true;
    case 'street':
      return home?.streetCode === target.streetCode;
    case 'circle':
      return !!home && home.circleId === target.circleId;
    case 'community':
      return home?.communityCode === target.communityCode;
  }
}

/** Checks answers against the questions; answers the cleaned answers or the first problem (naming the question). */
export function checkAnswers(
  questions: Question[],
  given: Record<string, unknown>,
  missingOptions: readonly string[],
): { answers: Record<string, AnswerValue> } | { error: string; field: string } {
  const answers: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const v = given[q.id];
    const field = `answers.${q.id}`;
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      // Questions stored before `required` existed were all required.
      if (q.required !== false) return { error: `“${q.title}”为必答题`, field };
      continue;
    }
    const options = q.kind === 'missing' ? missingOptions : q.options;
    if (q.kind === 'single') {
      if (typeof v !== 'string' || !options.includes(v)) return { error: `“${q.title}”请选择一个选项`, field };
      answers[q.id] = v;
    } else if (q.kind === 'multiple' || q.kind === 'missing') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && options.includes(x)))
        return { error: `“${q.title}”的选项无效`, field };
      answers[q.id] = [...new Set(v as string[])];
    } else if (q.kind === 'rating') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5)
        return { error: `“${q.title}”请打 1 到 5 分`, field };
      answers[q.id] = v;
    } else {
      if (typeof v !== 'string' || v.trim().length > 500)
        return { error: `“${q.title}”请填写 500 字以内的文字`, field };
      answers[q.id] = v.trim();
    }
  }
  return { answers };
}

export interface QuestionResult {
  questionId: string;
  title: string;
  kind: Question['kind'];
  answered: number;
  /** Per option: count and share of those who answered this question. */
  options: { option: string; count: number; percent: number }[];
  /** For ratings. */
  average: number | null;
  /** For free text: the texts that may be shown (flagged answers left out). */
  texts: string[];
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);

/** Counts and percentages per question, a breakdown by community, and the texts fit to show. */
export function tally(survey: Survey, answers: SurveyAnswer[], missingOptions: readonly string[]) {
  const questions: QuestionResult[] = survey.questions.map((q) => {
    const values = answers.map((a) => a.answers[q.id]).filter((v) => v !== undefined);
    const options = q.kind === 'missing' ? [...missingOptions] : q.options;
    const counts = (opt: string) => values.filter((v) => (Array.isArray(v) ? v.includes(opt) : v === opt)).length;
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return {
      questionId: q.id,
      title: q.title,
      kind: q.kind,
      answered: values.length,
      options:
        q.kind === 'rating'
          ? [1, 2, 3, 4, 5].map((n) => ({
              option: `${n} 分`,
              count: numbers.filter((x) => x === n).length,
              percent: pct(numbers.filter((x) => x === n).length, values.length),
            }))
          : q.kind === 'text'
            ? []
            : options.map((o) => ({ option: o, count: counts(o), percent: pct(counts(o), values.length) })),
      average:
        q.kind === 'rating' && numbers.length
          ? Math.round((100 * numbers.reduce((a, b) => a + b, 0)) / numbers.length) / 100
          : null,
      texts:
        q.kind === 'text'
          ? answers
              .filter((a) => !a.flaggedText && typeof a.answers[q.id] === 'string')
              .map((a) => a.answers[q.id] as string)
          : [],
    };
  });
  const byCommunity = new Map<string, number>();
  for (const a of answers) byCommunity.set(a.communityCode ?? '', (byCommunity.get(a.communityCode ?? '') ?? 0) + 1);
  return {
    total: answers.length,
    questions,
    byCommunity: [...byCommunity.entries()]
      .map(([communityCode, count]) => ({ communityCode: communityCode || null, count }))
      .sort((a, b) => b.count - a.count),
  };
}

/** Every answer as a CSV row (one column per question); flagged free text is left out. */
export function answersCsv(
  survey: Survey,
  answers: SurveyAnswer[],
  communityName: (code: string | null) => string,
): string {
  return csvForPeople(answerRows(survey, answers, communityName));
}

/** Every answer as rows (a header first): for the CSV and the .xlsx export alike. */
export function answerRows(
  survey: Survey,
  answers: SurveyAnswer[],
  communityName: (code: string | null) => string,
): string[][] {
  const head = ['序号', '社区', ...survey.questions.map((q) => q.title), '提交时间'];
  const rows = answers.map((a, i) => [
    String(i + 1),
    communityName(a.communityCode),
    ...survey.questions.map((q) => {
      const v = a.answers[q.id];
      if (v === undefined) return '';
      if (q.kind === 'text' && a.flaggedText) return '（待审核）';
      return Array.isArray(v) ? v.join('|') : String(v);
    }),
    a.createdAt,
  ]);
  return [head, ...rows];
}
