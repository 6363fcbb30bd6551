import { z } from 'zod';
import { CATEGORIES, EVENT_THEMES } from '../../../types';
import { defineRouter } from '../../router/define';
import { category, communityCode, cursor, empty, id, instant, lat, lng, streetCode } from '../../router/schemas';
import { createEvent } from './create';
import { exportAttendees } from './export';
import { joinEvent, leaveEvent } from './join';
import { cancelEvent, updateEvent } from './manage';
import { getEvent, listEvents, myEvents } from './read';
import { checkIn, eventAttendees, signupContact } from './run';
import { MOBILE_RE } from '../../core/events';

const byId = z.object({ id });
const capacity = z.number().int().min(1).max(5000);
const WORKERS = ['worker', 'admin'] as const;

/** 便民商业服务进社区: events with sign-up, waitlist, check-in and export. */
export const eventsRouter = defineRouter('events', {
  create: {
    write: true,
    input: z
      .object({
        title: z.string().trim().min(2).max(40),
        theme: z.enum(EVENT_THEMES),
        communityCode: communityCode.optional(),
        streetCode,
        placeName: z.string().trim().min(2).max(60),
        lng,
        lat,
        startAt: instant,
        endAt: instant,
        deadline: instant,
        capacity,
        description: z.string().trim().max(2000).default(''),
        outletIds: z.array(id).max(50).default([]),
        categories: z.array(category).max(CATEGORIES.length).default([]),
        coverImage: z.string().max(500).nullable().optional(),
      })
      .refine((v) => Date.parse(v.startAt) < Date.parse(v.endAt), { error: '结束时间应晚于开始时间', path: ['endAt'] })
      .refine((v) => Date.parse(v.deadline) <= Date.parse(v.endAt), {
        error: '报名截止时间不能晚于活动结束',
        path: ['deadline'],
      }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => createEvent(ctx, input),
  },
  update: {
    write: true,
    input: z.object({
      id,
      title: z.string().trim().min(2).max(40).optional(),
      description: z.string().trim().max(2000).optional(),
      deadline: instant.optional(),
      capacity: capacity.optional(),
    }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => updateEvent(ctx, input),
  },
  cancel: {
    write: true,
    input: byId,
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => cancelEvent(ctx, input),
  },
  list: {
    input: z.object({
      streetCode: streetCode.optional(),
      communityCode: communityCode.optional(),
      near: z.object({ lng, lat, minutes: z.number().int().min(1).max(30).default(15) }).optional(),
    }),
    access: 'public',
    handler: (input, ctx) => listEvents(ctx, input),
  },
  get: { input: byId, access: 'public', handler: (input, ctx) => getEvent(ctx, input) },
  join: {
    write: true,
    input: z.object({ id, phone: z.string().trim().regex(MOBILE_RE, { error: '请填写 11 位手机号码' }).optional() }),
    access: 'signedIn',
    handler: (input, ctx) => joinEvent(ctx, input),
  },
  leave: {
    write: true,
    input: byId,
    access: 'signedIn',
    handler: (input, ctx) => leaveEvent(ctx, input),
  },
  mine: { input: empty, access: 'signedIn', handler: (_input, ctx) => myEvents(ctx) },
  attendees: {
    input: z.object({ id, cursor: cursor.optional() }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => eventAttendees(ctx, input),
  },
  checkIn: {
    write: true,
    input: z.object({ id, code: z.string().regex(/^\d{7,10}$/, { error: '签到码应为 7 位以上数字' }) }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => checkIn(ctx, input),
  },
  contact: {
    input: z.object({ id, signupId: z.string().min(1).max(200) }),
    access: 'roles',
    roles: WORKERS,
    handler: (input, ctx) => signupContact(ctx, input),
  },
  export: { input: byId, access: 'roles', roles: WORKERS, handler: (input, ctx) => exportAttendees(ctx, input) },
});
