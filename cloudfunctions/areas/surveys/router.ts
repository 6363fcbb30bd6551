import { z } from 'zod';
import { QUESTION_KINDS } from '../../../types';
import { defineRouter } from '../../router/define';
import { communityCode, empty, id, instant, streetCode } from '../../router/schemas';
import { answerSurvey } from './answer';
import { createSurvey } from './create';
import { getSurvey, listSurveys } from './read';
import { exportSurvey, surveyResults } from './results';

const WORKERS = ['worker', 'admin'] as const;
const targetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }),
  z.object({ kind: z.literal('street'), streetCode }),
  z.object({ kind: z.literal('circle'), circleId: id }),
  z.object({ kind: z.literal('community'), communityCode }),
]);

/** Surveys (问需于民): aimed at an area, answered once, counted, exported. */
export const surveysRouter = defineRouter('surveys', {
  create: {
    write: true,
    input: z
      .object({
        title: z.string().trim().min(2).max(60),
        description: z.string().trim().max(1000).default(''),
        target: targetInput,
        opensAt: instant,
        closesAt: instant,
        questions: z
          .array(
            z.object({
              kind: z.enum(QUESTION_KINDS),
              title: z.string().trim().min(1).max(100),
              options: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
              required: z.boolean().default(true),
            }),
          )
          .min(1, { error: '至少一道题' })
          .max(30),
      })
      .refine((v) => Date.parse(v.opensAt) < Date.parse(v.closesAt), {
        error: '截止时间应晚于开始时间',
        path: ['closesAt'],
      })
      .refine(
        (v) =>
          v.questions.every((q) => (q.kind !== 'single' && q.kind !== 'multiple') || (q.options ?? []).length >= 2),
        { error: '选择题至少两个选项', path: ['questions'] },
      ),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => createSurvey(ctx, input),
  },
  list: { input: empty, access: 'public', handler: (_input, ctx) => listSurveys(ctx) },
  get: { input: z.object({ id }), access: 'public', handler: (input, ctx) => getSurvey(ctx, input) },
  answer: {
    write: true,
    input: z.object({
      id,
      // The shape of each answer is checked against its question by checkAnswers.
      answers: z.record(
        z.string().max(10),
        z.union([z.string().max(600), z.array(z.string().max(60)).max(40), z.number()]),
      ),
    }),
    access: 'signedIn',
    handler: (input, ctx) => answerSurvey(ctx, input),
  },
  results: {
    input: z.object({ id }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => surveyResults(ctx, input),
  },
  export: {
    input: z.object({ id }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => exportSurvey(ctx, input),
  },
});
