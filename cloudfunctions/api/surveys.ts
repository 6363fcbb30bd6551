import crypto from 'node:crypto';
import { z } from 'zod';
import {
  CATEGORIES,
  CATEGORY_BY_ID,
  DEMAND_STATUSES,
  QUESTION_KINDS,
  type CategoryId,
  type DemandReport,
  type Survey,
  type SurveyAnswer,
  type SurveyTarget,
  type User,
} from '../../types';
import { AppError } from '../core/errors';
import { contains, point } from '../core/geo';
import { canManageStreet, canRunLocal } from '../core/policy';
import { needsModeration } from '../core/ratings';
import { answersCsv, checkAnswers, tally, targets, type Home } from '../core/surveys';
import type { Store } from '../store/port';
import { readAll } from './coverage-model';
import { XICHENG } from './district';
import { defineRouter } from './router';
import { communityCode, lat, lng, streetCode } from './schemas';

const CATEGORY_IDS = CATEGORIES.map((c) => c.id);
const instant = z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-12-01T09:00:00+08:00' });

async function homeOf(store: Store, user: User | null): Promise<Home | null> {
  if (!user?.homeCommunityCode) return null;
  const c = await store.get('communities', user.homeCommunityCode);
  return c ? { communityCode: c.code, streetCode: c.streetCode, circleId: c.circleId ?? null } : null;
}

/** A worker runs surveys of their street (a community worker: of their community); an admin, any. */
function canRunSurvey(user: User, t: SurveyTarget): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'worker' || !user.scope) return false;
  if (user.scope.kind === 'street') return t.kind !== 'district' && t.streetCode === user.scope.streetCode;
  return t.kind === 'community' && t.communityCode === user.scope.communityCode;
}

const targetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }),
  z.object({ kind: z.literal('street'), streetCode }),
  z.object({ kind: z.literal('circle'), circleId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('community'), communityCode }),
]);

/** A survey the caller runs (worker of its area, admin), or NOT_FOUND / FORBIDDEN. */
async function surveyToRun(store: Store, user: User, id: string): Promise<Survey> {
  const survey = await store.get('surveys', id);
  if (!survey) throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
  if (!canRunSurvey(user, survey.target)) throw new AppError('FORBIDDEN', '只能查看本街道（社区）的问卷');
  return survey;
}

/** Surveys (问需于民): aimed at an area, answered once, counted, exported. */
export const surveysRouter = defineRouter('surveys', {
  create: {
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
        {
          error: '选择题至少两个选项',
          path: ['questions'],
        },
      ),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async (input, { store, user, now }) => {
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
      return survey;
    },
  },

  /** Open surveys aimed at me (by my home community), and whether I answered each. Workers also see their own. */
  list: {
    input: z.object({}),
    access: 'public',
    handler: async (_input, { store, user, openid, now }) => {
      const t = now().toISOString();
      const home = await homeOf(store, user);
      const surveys = (await readAll(store, 'surveys', { closesAt: { gte: t } })).filter(
        (s) => targets(s.target, home) || (user && canRunSurvey(user, s.target)),
      );
      const out = [];
      for (const s of surveys.sort((a, b) => (a.closesAt < b.closesAt ? -1 : 1)))
        out.push({
          survey: s,
          open: s.opensAt <= t && t < s.closesAt,
          answered: openid ? !!(await store.get('surveyAnswers', `${s.id}_${openid}`)) : false,
          forMe: targets(s.target, home),
        });
      return out;
    },
  },

  get: {
    input: z.object({ id: z.string().min(1).max(64) }),
    access: 'public',
    handler: async ({ id }, { store, user, openid, now }) => {
      const s = await store.get('surveys', id);
      const home = await homeOf(store, user);
      if (!s || !(targets(s.target, home) || (user && canRunSurvey(user, s.target))))
        throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
      const t = now().toISOString();
      return {
        survey: s,
        open: s.opensAt <= t && t < s.closesAt,
        mine: openid ? await store.get('surveyAnswers', `${s.id}_${openid}`) : null,
        missingOptions: CATEGORY_IDS,
      };
    },
  },

  /** Answer once: a second answer is refused and changes nothing; only while the survey is open; only its residents. */
  answer: {
    input: z.object({
      id: z.string().min(1).max(64),
      // The shape of each answer is checked against its question by checkAnswers.
      answers: z.record(
        z.string().max(10),
        z.union([z.string().max(600), z.array(z.string().max(60)).max(40), z.number()]),
      ),
    }),
    access: 'signedIn',
    handler: async ({ id, answers }, { store, user, now }) => {
      const at = now();
      const survey = await store.get('surveys', id);
      const home = await homeOf(store, user);
      if (!survey || !targets(survey.target, home))
        throw new AppError('NOT_FOUND', '未找到该问卷，或它不面向您所在的社区', 'id');
      if (at.toISOString() < survey.opensAt) throw new AppError('CLOSED', '问卷尚未开始');
      if (at.toISOString() >= survey.closesAt) throw new AppError('CLOSED', '问卷已截止');
      const checked = checkAnswers(survey.questions, answers, CATEGORY_IDS);
      if ('error' in checked)
        throw new AppError('INVALID_INPUT', `参数 ${checked.field} 有误：${checked.error}`, checked.field);
      const flaggedText = survey.questions.some(
        (q) =>
          q.kind === 'text' &&
          typeof checked.answers[q.id] === 'string' &&
          needsModeration(checked.answers[q.id] as string),
      );
      const answerId = `${id}_${user.openid}`;
      return store.transaction(async (tx) => {
        if (await tx.get('surveyAnswers', answerId))
          throw new AppError('CONFLICT', '您已经提交过这份问卷，每人只能提交一次');
        const s = await tx.get('surveys', id);
        if (!s) throw new AppError('NOT_FOUND', '未找到该问卷', 'id');
        const answer: SurveyAnswer = {
          id: answerId,
          surveyId: id,
          openid: user.openid,
          communityCode: home?.communityCode ?? null,
          answers: checked.answers,
          flaggedText,
          createdAt: at.toISOString(),
        };
        await tx.set('surveyAnswers', answerId, answer);
        await tx.set('surveys', id, { ...s, answerCount: s.answerCount + 1 });
        return answer;
      });
    },
  },

  /** Counts and percentages per question, a breakdown by community, free text (flagged text left out). */
  results: {
    input: z.object({ id: z.string().min(1).max(64) }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id }, { store, user }) => {
      const survey = await surveyToRun(store, user, id);
      const answers = await readAll(store, 'surveyAnswers', { surveyId: id });
      const result = tally(survey, answers, CATEGORY_IDS);
      const names = new Map<string, string>();
      for (const row of result.byCommunity)
        if (row.communityCode)
          names.set(row.communityCode, (await store.get('communities', row.communityCode))?.name ?? row.communityCode);
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
    },
  },

  export: {
    input: z.object({ id: z.string().min(1).max(64) }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id }, { store, user }) => {
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
      return {
        filename: `${survey.title}-问卷结果.csv`,
        csv: answersCsv(survey, display, (code) => (code ? (names.get(code) ?? code) : '')),
      };
    },
  },
});

/** Demand reports (缺什么补什么): residents say what is missing; workers of the street answer. */
export const demandRouter = defineRouter('demand', {
  report: {
    input: z.object({
      category: z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]]),
      communityCode: communityCode.optional(),
      lng: lng.optional(),
      lat: lat.optional(),
      note: z.string().trim().max(300).default(''),
    }),
    access: 'signedIn',
    handler: async (input, { store, user, now }) => {
      const code = input.communityCode ?? user.homeCommunityCode;
      if (!code)
        throw new AppError(
          'INVALID_INPUT',
          '参数 communityCode 有误：请选择社区，或先在“我的”中设置所在社区',
          'communityCode',
        );
      const community = await store.get('communities', code);
      if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
      let location = null;
      if (input.lng !== undefined && input.lat !== undefined) {
        if (!contains(XICHENG, input.lng, input.lat)) throw new AppError('OUTSIDE_DISTRICT', '该位置不在西城区范围内');
        location = point(input.lng, input.lat);
      }
      const at = now().toISOString();
      const report: DemandReport = {
        id: `dm-${crypto.randomUUID()}`,
        openid: user.openid,
        category: input.category,
        communityCode: community.code,
        streetCode: community.streetCode,
        location,
        note: input.note ?? '',
        status: 'received',
        reply: null,
        createdAt: at,
        updatedAt: at,
      };
      await store.set('demandReports', report.id, report);
      return report;
    },
  },

  /** My reports with their status and the public reply. */
  mine: {
    input: z.object({}),
    access: 'signedIn',
    handler: async (_input, { store, openid }) =>
      (await readAll(store, 'demandReports', { openid })).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
  },

  /** A street's reports grouped by community and category, for its workers' gaps page. */
  grouped: {
    input: z.object({ streetCode }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ streetCode: street }, { store, user }) => {
      if (!canRunLocal(user, street)) throw new AppError('FORBIDDEN', '只能查看本街道的居民反映');
      const reports = await readAll(store, 'demandReports', { streetCode: street });
      const groups = new Map<string, DemandReport[]>();
      for (const r of reports)
        groups.set(`${r.communityCode}|${r.category}`, [...(groups.get(`${r.communityCode}|${r.category}`) ?? []), r]);
      const names = new Map((await readAll(store, 'communities', { streetCode: street })).map((c) => [c.code, c.name]));
      return [...groups.values()]
        .map((list) => ({
          communityCode: list[0].communityCode,
          communityName: names.get(list[0].communityCode) ?? list[0].communityCode,
          category: list[0].category,
          count: list.length,
          open: list.filter((r) => r.status !== 'resolved').length,
          reports: list.map((r) => ({ ...r, openid: '' })),
        }))
        .sort((a, b) => b.open - a.open || b.count - a.count);
    },
  },

  /** received → planned → resolved, with a public reply the reporter sees. */
  update: {
    input: z.object({
      id: z.string().min(1).max(64),
      status: z.enum(DEMAND_STATUSES),
      reply: z.string().trim().max(300).optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id, status, reply }, { store, user, now }) =>
      store.transaction(async (tx) => {
        const r = await tx.get('demandReports', id);
        if (!r) throw new AppError('NOT_FOUND', '未找到该反映', 'id');
        if (!canManageStreet(user, r.streetCode)) throw new AppError('FORBIDDEN', '只能处理本街道的居民反映');
        const order = DEMAND_STATUSES.indexOf(status) - DEMAND_STATUSES.indexOf(r.status);
        if (order < 0) throw new AppError('CONFLICT', '状态只能向前推进：已收到 → 已列入计划 → 已解决', 'status');
        if (reply && needsModeration(reply))
          throw new AppError('INVALID_INPUT', '参数 reply 有误：回复含有不宜公开的内容', 'reply');
        const next: DemandReport = { ...r, status, reply: reply ?? r.reply, updatedAt: now().toISOString() };
        await tx.set('demandReports', id, next);
        return next;
      }),
  },
});
