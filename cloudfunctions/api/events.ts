import crypto from 'node:crypto';
import { z } from 'zod';
import {
  CATEGORIES,
  EVENT_THEMES,
  type CategoryId,
  type CommunityEvent,
  type EventView,
  type Signup,
  type User,
} from '../../types';
import { AppError } from '../core/errors';
import { beijingIso } from '../../types/time';
import { checkInCode, decideJoin, inCheckInWindow, planGrow, planLeave, waitlistPosition } from '../core/events';
import { csvForPeople } from '../core/csv';
import { contains, point } from '../core/geo';
import { canRunLocal } from '../core/policy';
import { metersBetween, reachMeters } from '../core/reach';
import type { Store, Transaction } from '../store/port';
import { readAll } from './coverage-model';
import { XICHENG } from './district';
import { defineRouter } from './router';
import { communityCode, cursor, lat, lng } from './schemas';

const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
const instant = z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-12-05T09:00:00+08:00' });
const eventId = z.string().min(1).max(64);

export const signupId = (eventId: string, openid: string) => `${eventId}_${openid}`;

/** A worker may run events of their street (a community worker: of their community); an admin, any. */
const canRun = (user: User, event: Pick<CommunityEvent, 'streetCode' | 'communityCode'>) =>
  canRunLocal(user, event.streetCode, event.communityCode);

async function loadEvent(tx: Pick<Transaction, 'get'>, id: string): Promise<CommunityEvent> {
  const event = await tx.get('events', id);
  if (!event) throw new AppError('NOT_FOUND', '未找到该活动', 'id');
  return event;
}

function view(event: CommunityEvent, mine: Signup | null, now: Date): EventView {
  return {
    event,
    seatsLeft: Math.max(0, event.capacity - event.confirmedCount),
    joinable: event.status === 'open' && now.getTime() < Date.parse(event.deadline),
    mine: mine
      ? { ...mine, position: mine.status === 'waitlisted' ? waitlistPosition(event, mine.openid) : null }
      : null,
  };
}

async function promote(tx: Transaction, eventId: string, openids: string[], at: string): Promise<void> {
  for (const openid of openids) {
    const s = await tx.get('signups', signupId(eventId, openid));
    if (s) await tx.set('signups', s.id, { ...s, status: 'confirmed', updatedAt: at });
  }
}

const beijing = (iso: string | null) => (iso ? beijingIso(iso) : '');
const STATUS_NAMES = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;

/** 便民商业服务进社区: events with sign-up, waitlist, check-in and export. */
export const eventsRouter = defineRouter('events', {
  create: {
    input: z
      .object({
        title: z.string().trim().min(2).max(40),
        theme: z.enum(EVENT_THEMES),
        communityCode: communityCode.optional(),
        streetCode: z.string().regex(/^110102\d{3}$/, { error: '应为 9 位西城区街道代码' }),
        placeName: z.string().trim().min(2).max(60),
        lng,
        lat,
        startAt: instant,
        endAt: instant,
        deadline: instant,
        capacity: z.number().int().min(1).max(5000),
        description: z.string().trim().max(2000).default(''),
        outletIds: z.array(z.string().min(1).max(64)).max(50).default([]),
        categories: z.array(z.enum(categoryIds)).max(CATEGORIES.length).default([]),
        coverImage: z.string().max(500).nullable().optional(),
      })
      .refine((v) => Date.parse(v.startAt) < Date.parse(v.endAt), { error: '结束时间应晚于开始时间', path: ['endAt'] })
      .refine((v) => Date.parse(v.deadline) <= Date.parse(v.endAt), {
        error: '报名截止时间不能晚于活动结束',
        path: ['deadline'],
      }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async (input, { store, user, now }) => {
      if (!contains(XICHENG, input.lng, input.lat)) throw new AppError('OUTSIDE_DISTRICT', '活动地点不在西城区范围内');
      if (input.communityCode) {
        const c = await store.get('communities', input.communityCode);
        if (!c || c.streetCode !== input.streetCode)
          throw new AppError('INVALID_INPUT', '参数 communityCode 有误：社区不属于该街道', 'communityCode');
      }
      if (!canRun(user, { streetCode: input.streetCode, communityCode: input.communityCode ?? null }))
        throw new AppError('FORBIDDEN', '只能为本街道（社区）发布活动');
      for (const id of input.outletIds ?? []) {
        const o = await store.get('outlets', id);
        if (!o || o.status !== 'approved')
          throw new AppError('INVALID_INPUT', `参数 outletIds 有误：网点 ${id} 不存在或未通过审核`, 'outletIds');
      }
      const at = now().toISOString();
      const event: CommunityEvent = {
        id: `ev-${crypto.randomUUID()}`,
        title: input.title,
        theme: input.theme,
        streetCode: input.streetCode,
        communityCode: input.communityCode ?? null,
        circleId: input.communityCode
          ? ((await store.get('communities', input.communityCode))?.circleId ?? null)
          : null,
        placeName: input.placeName,
        location: point(input.lng, input.lat),
        startAt: new Date(input.startAt).toISOString(),
        endAt: new Date(input.endAt).toISOString(),
        deadline: new Date(input.deadline).toISOString(),
        capacity: input.capacity,
        description: input.description ?? '',
        coverImage: input.coverImage ?? null,
        outletIds: input.outletIds ?? [],
        categories: input.categories ?? [],
        status: 'open',
        confirmedCount: 0,
        waitlist: [],
        checkedInCount: 0,
        joinSeq: 0,
        createdBy: user.openid,
        createdAt: at,
        updatedAt: at,
      };
      await store.set('events', event.id, event);
      return view(event, null, now());
    },
  },

  /** Change title, description, deadline or capacity; more seats go to the waitlist in order. */
  update: {
    input: z.object({
      id: eventId,
      title: z.string().trim().min(2).max(40).optional(),
      description: z.string().trim().max(2000).optional(),
      deadline: instant.optional(),
      capacity: z.number().int().min(1).max(5000).optional(),
    }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async (input, { store, user, now }) => {
      const at = now().toISOString();
      const event = await store.transaction(async (tx) => {
        let e = await loadEvent(tx, input.id);
        if (!canRun(user, e)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
        if (e.status === 'cancelled') throw new AppError('CLOSED', '活动已取消');
        if (input.capacity !== undefined && input.capacity < e.confirmedCount)
          throw new AppError('CONFLICT', `已有 ${e.confirmedCount} 人报名，名额不能少于此数`, 'capacity');
        let promoted: string[] = [];
        if (input.capacity !== undefined) ({ event: e, promote: promoted } = planGrow(e, input.capacity));
        e = {
          ...e,
          title: input.title ?? e.title,
          description: input.description ?? e.description,
          deadline: input.deadline ? new Date(input.deadline).toISOString() : e.deadline,
          updatedAt: at,
        };
        await tx.set('events', e.id, e);
        await promote(tx, e.id, promoted, at);
        return e;
      });
      return view(event, null, now());
    },
  },

  /** Cancelling an event cancels every sign-up. */
  cancel: {
    input: z.object({ id: eventId }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id }, { store, user, now }) => {
      const at = now().toISOString();
      const event = await store.transaction(async (tx) => {
        const e = await loadEvent(tx, id);
        if (!canRun(user, e)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
        const next: CommunityEvent = { ...e, status: 'cancelled', confirmedCount: 0, waitlist: [], updatedAt: at };
        await tx.set('events', id, next);
        return next;
      });
      // The event is closed first, so no new sign-up can start; then every sign-up is marked, page by page.
      for (const s of await readAll(store, 'signups', { eventId: id, status: { in: ['confirmed', 'waitlisted'] } }))
        await store.transaction(async (tx) => {
          const cur = await tx.get('signups', s.id);
          if (cur && cur.status !== 'cancelled')
            await tx.set('signups', s.id, { ...cur, status: 'cancelled', updatedAt: at });
        });
      return view(event, null, now());
    },
  },

  /** Upcoming events, soonest first: of a street or community, or within a walk of a point. */
  list: {
    input: z.object({
      streetCode: z
        .string()
        .regex(/^110102\d{3}$/)
        .optional(),
      communityCode: communityCode.optional(),
      near: z.object({ lng, lat, minutes: z.number().int().min(1).max(30).default(15) }).optional(),
    }),
    access: 'public',
    handler: async ({ streetCode: street, communityCode: community, near }, { store, now, openid }) => {
      const events = (
        await readAll(store, 'events', {
          endAt: { gte: now().toISOString() },
          ...(street ? { streetCode: street } : {}),
        })
      )
        .filter((e) => e.status === 'open')
        .filter((e) => !community || e.communityCode === community)
        .filter(
          (e) =>
            !near || metersBetween([near.lng, near.lat], e.location.coordinates) <= reachMeters(near.minutes ?? 15),
        )
        .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id < b.id ? -1 : 1));
      const out: EventView[] = [];
      for (const e of events.slice(0, 100))
        out.push(view(e, openid ? await store.get('signups', signupId(e.id, openid)) : null, now()));
      return out;
    },
  },

  get: {
    input: z.object({ id: eventId }),
    access: 'public',
    handler: async ({ id }, { store, openid, now }) => {
      const event = await loadEvent(store, id);
      const participants = [];
      for (const outletId of event.outletIds) {
        const o = await store.get('outlets', outletId);
        if (o && o.status === 'approved') participants.push({ id: o.id, name: o.name });
      }
      return { ...view(event, openid ? await store.get('signups', signupId(id, openid)) : null, now()), participants };
    },
  },

  /** Confirmed while seats last, then waitlisted in order; joining twice changes nothing. */
  join: {
    input: z.object({ id: eventId }),
    access: 'signedIn',
    handler: async ({ id }, { store, openid, now }) => {
      const t = now();
      const at = t.toISOString();
      return store.transaction(async (tx) => {
        const event = await loadEvent(tx, id);
        const existing = await tx.get('signups', signupId(id, openid));
        const outcome = decideJoin(event, existing, t);
        if (outcome.kind === 'unchanged') return view(event, existing, t);
        if (outcome.kind === 'closed') throw new AppError('CLOSED', outcome.message);
        const seq = event.joinSeq + 1;
        const next: CommunityEvent = {
          ...event,
          joinSeq: seq,
          confirmedCount: event.confirmedCount + (outcome.kind === 'confirmed' ? 1 : 0),
          waitlist: outcome.kind === 'waitlisted' ? [...event.waitlist, openid] : event.waitlist,
          updatedAt: at,
        };
        const signup: Signup = {
          id: signupId(id, openid),
          eventId: id,
          openid,
          status: outcome.kind,
          checkInCode: checkInCode(seq, crypto.randomInt(1000)),
          checkedInAt: null,
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
        };
        await tx.set('events', id, next);
        await tx.set('signups', signup.id, signup);
        return view(next, signup, t);
      });
    },
  },

  /** Leave: a freed seat goes at once to the first on the waitlist. */
  leave: {
    input: z.object({ id: eventId }),
    access: 'signedIn',
    handler: async ({ id }, { store, openid, now }) => {
      const at = now().toISOString();
      return store.transaction(async (tx) => {
        const event = await loadEvent(tx, id);
        const signup = await tx.get('signups', signupId(id, openid));
        if (!signup || signup.status === 'cancelled') return view(event, signup, now());
        if (signup.checkedInAt) throw new AppError('CONFLICT', '已签到，不能取消报名');
        const { event: next, promote: first } = planLeave(event, signup);
        const cancelled: Signup = { ...signup, status: 'cancelled', updatedAt: at };
        await tx.set('events', id, { ...next, updatedAt: at });
        await tx.set('signups', signup.id, cancelled);
        if (first) await promote(tx, id, [first], at);
        return view(next, cancelled, now());
      });
    },
  },

  /** 我的活动: my live sign-ups with their events, soonest first. */
  mine: {
    input: z.object({}),
    access: 'signedIn',
    handler: async (_input, { store, openid, now }) => {
      const signups = (await readAll(store, 'signups', { openid })).filter((s) => s.status !== 'cancelled');
      const out: EventView[] = [];
      for (const s of signups) {
        const e = await store.get('events', s.eventId);
        if (e) out.push(view(e, s, now()));
      }
      return out.sort((a, b) => (a.event.startAt < b.event.startAt ? -1 : 1));
    },
  },

  /** Attendees of an event, with counts; no-shows once the event is over. */
  attendees: {
    input: z.object({ id: eventId, cursor: cursor.optional() }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id, cursor: after }, { store, user, now }) => {
      const event = await loadEvent(store, id);
      if (!canRun(user, event)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
      const page = await store.query('signups', { where: { eventId: id }, cursor: after });
      const over = now().getTime() > Date.parse(event.endAt);
      return {
        event,
        counts: {
          confirmed: event.confirmedCount,
          waitlisted: event.waitlist.length,
          checkedIn: event.checkedInCount,
          noShows: over ? event.confirmedCount - event.checkedInCount : null,
        },
        items: page.items.map((s) => ({
          ...s,
          position: waitlistPosition(event, s.openid),
          noShow: over && s.status === 'confirmed' && !s.checkedInAt,
        })),
        nextCursor: page.nextCursor,
      };
    },
  },

  /** Check-in by the code the resident shows (scanned, or typed), only during the event window. */
  checkIn: {
    input: z.object({ id: eventId, code: z.string().regex(/^\d{7,10}$/, { error: '签到码应为 7 位以上数字' }) }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id, code }, { store, user, now }) => {
      const t = now();
      const event = await loadEvent(store, id);
      if (!canRun(user, event)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
      const match = (await store.query('signups', { where: { eventId: id, checkInCode: code }, limit: 1 })).items[0];
      if (!match) throw new AppError('INVALID_CODE', '签到码无效，请核对');
      return store.transaction(async (tx) => {
        const e = await loadEvent(tx, id);
        if (e.status === 'cancelled') throw new AppError('CLOSED', '活动已取消');
        if (!inCheckInWindow(e, t)) throw new AppError('OUT_OF_WINDOW', '不在签到时间内（活动开始前 30 分钟至结束）');
        const s = await tx.get('signups', match.id);
        if (!s || s.status !== 'confirmed') throw new AppError('INVALID_CODE', '该报名不是已确认状态，不能签到');
        if (s.checkedInAt) return { signup: s, alreadyCheckedIn: true };
        const next: Signup = { ...s, checkedInAt: t.toISOString(), updatedAt: t.toISOString() };
        await tx.set('signups', s.id, next);
        await tx.set('events', id, { ...e, checkedInCount: e.checkedInCount + 1 });
        return { signup: next, alreadyCheckedIn: false };
      });
    },
  },

  /** The attendee list as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
  export: {
    input: z.object({ id: eventId }),
    access: 'roles',
    roles: ['worker', 'admin'],
    handler: async ({ id }, { store, user }) => {
      const event = await loadEvent(store, id);
      if (!canRun(user, event)) throw new AppError('FORBIDDEN', '只能管理本街道（社区）的活动');
      const signups = await readAll(store, 'signups', { eventId: id });
      const rows = [['序号', '用户', '昵称', '状态', '候补位置', '签到码', '签到时间', '报名时间']];
      for (const [i, s] of signups.entries()) {
        const u = await store.get('users', s.openid);
        rows.push([
          String(i + 1),
          s.openid,
          u?.nickname ?? '',
          STATUS_NAMES[s.status],
          String(waitlistPosition(event, s.openid) ?? ''),
          s.checkInCode,
          beijing(s.checkedInAt),
          beijing(s.createdAt),
        ]);
      }
      return {
        filename: `${event.title}-报名名单.csv`,
        csv: csvForPeople(rows),
      };
    },
  },
});

/** Events that offer services now or later: pop-up coverage for the report. */
export async function activeEvents(store: Store, now: Date): Promise<CommunityEvent[]> {
  return (await readAll(store, 'events', { endAt: { gte: now.toISOString() } })).filter(
    (e) => e.status === 'open' && e.categories.length > 0,
  );
}
