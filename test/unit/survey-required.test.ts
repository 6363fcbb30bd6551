import { checkAnswers, tally } from '../../cloudfunctions/core/surveys';
import type { Question, Survey, SurveyAnswer } from '../../types';

const q = (id: string, required?: boolean): Question =>
  ({
    id,
    kind: 'single',
    title: `题${id}`,
    options: ['是', '否'],
    ...(required === undefined ? {} : { required }),
  }) as Question;

describe('optional survey questions', () => {
  it('lets an optional question be skipped and keeps the answers given', () => {
    expect(checkAnswers([q('q1', true), q('q2', false)], { q1: '是' }, [])).toEqual({ answers: { q1: '是' } });
  });

  it('still requires a required question, naming it', () => {
    expect(checkAnswers([q('q1', true), q('q2', false)], { q2: '否' }, [])).toEqual({
      error: '“题q1”为必答题',
      field: 'answers.q1',
    });
  });

  it('treats a question stored before 选答 existed (no `required`) as required', () => {
    expect('error' in checkAnswers([q('q1')], {}, [])).toBe(true);
  });

  it('counts only the people who answered a question in its results', () => {
    const survey = { questions: [q('q1', true), q('q2', false)] } as unknown as Survey;
    const answers = [{ answers: { q1: '是', q2: '否' } }, { answers: { q1: '否' } }] as unknown as SurveyAnswer[];
    const [first, second] = tally(survey, answers, []).questions;
    expect(first.answered).toBe(2);
    expect(second.answered).toBe(1);
    expect(second.options).toEqual([
      { option: '是', count: 0, percent: 0 },
      { option: '否', count: 1, percent: 100 },
    ]);
  });
});
