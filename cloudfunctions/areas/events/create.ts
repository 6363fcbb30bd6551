import crypto from 'node:crypto';
import type { CommunityEvent, EventView, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import type { SignedInCtx } from '../../router/define';
import { XICHENG } from '../geo';
import { canRun, view } from './repo';

/** A worker posts an event for their street (a community worker: their community); participating outlets approved. */
export async function createEvent({ store, user, now }: SignedInCtx, input: Req<'events.create'>): Promise<EventView> {
  if (!contains(XICHENG, input.lng, input.lat)) throw new AppError('OUTSIDE_DISTRICT', '活动地点不在西城区范围内');
  const community = input.communityCode ? await store.get('communities', input.communityCode) : null;
  if (input.communityCode && (!community || community.streetCode !== input.streetCode))
    throw new AppError('INVALID_INPUT', '所选社区不属于该街道', 'communityCode');
  if (!canRun(user, { streetCode: input.streetCode, communityCode: input.communityCode ?? null }))
    throw new AppError('FORBIDDEN', '只能为本街道（社区）发布活动');
  const outletIds = input.outletIds ?? [];
  const outlets = await store.getMany('outlets', outletIds);
  const missing = outletIds.find((_id, i) => outlets[i]?.status !== 'approved');
  if (missing) throw new AppError('INVALID_INPUT', `网点 ${missing} 不存在或未通过审核`, 'outletIds');
  const at = now().toISOString();
  const event: CommunityEvent = {
    id: `ev-${crypto.randomUUID()}`,
    title: input.title,
    theme: input.theme,
    streetCode: input.streetCode,
    communityCode: input.communityCode ?? null,
    circleId: community?.circleId ?? null,
    placeName: input.placeName,
    location: point(input.lng, input.lat),
    startAt: new Date(input.startAt).toISOString(),
    endAt: new Date(input.endAt).toISOString(),
    deadline: new Date(input.deadline).toISOString(),
    capacity: input.capacity,
    description: input.description ?? '',
    coverImage: input.coverImage ?? null,
    outletIds,
    categories: input.categories ?? [],
    status: 'open',
    confirmedCount: 0,
    checkedInCount: 0,
    seatSeq: 0,
    createdBy: user.openid,
    createdAt: at,
    updatedAt: at,
  };
  await store.set('events', event.id, event);
  return view(store, event, null, now(), 0);
}
