import type { EventView, Req } from '../../../types';
import { metersBetween, reachMeters } from '../../core/reach';
import type { Ctx, SignedInCtx } from '../../router/define';
import { getManyMap, readAll } from '../../store/port';
import { loadEvent, signupId, view, waitlistedCount } from './repo';

/** Upcoming events, soonest first: of a street or community, or within a walk of a point; at most 100. */
export async function listEvents(
  { store, now, openid }: Ctx,
  { streetCode: street, communityCode: community, near }: Req<'events.list'>,
): Promise<EventView[]> {
  const events = (
    await readAll(store, 'events', { endAt: { gte: now().toISOString() }, ...(street ? { streetCode: street } : {}) })
  )
    .filter((e) => e.status === 'open')
    .filter((e) => !community || e.communityCode === community)
    .filter(
      (e) => !near || metersBetween([near.lng, near.lat], e.location.coordinates) <= reachMeters(near.minutes ?? 15),
    )
    .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, 100);
  const mine = openid
    ? await getManyMap(
        store,
        'signups',
        events.map((e) => signupId(e.id, openid)),
      )
    : new Map();
  return Promise.all(events.map((e) => view(store, e, mine.get(signupId(e.id, openid ?? '')) ?? null, now())));
}

/** One event with its participating outlets, how many wait, and my sign-up. */
export async function getEvent({ store, openid, now }: Ctx, { id }: Req<'events.get'>): Promise<EventView> {
  const event = await loadEvent(store, id);
  const [outlets, mine, waiting] = await Promise.all([
    store.getMany('outlets', event.outletIds),
    openid ? store.get('signups', signupId(id, openid)) : Promise.resolve(null),
    waitlistedCount(store, id),
  ]);
  const participants = outlets.flatMap((o) => (o && o.status === 'approved' ? [{ id: o.id, name: o.name }] : []));
  return { ...(await view(store, event, mine, now(), waiting)), participants };
}

/** 我的活动: my live sign-ups with their events, soonest first. */
export async function myEvents({ store, openid, now }: SignedInCtx): Promise<EventView[]> {
  const signups = (await readAll(store, 'signups', { openid })).filter((s) => s.status !== 'cancelled');
  const events = await getManyMap(
    store,
    'events',
    signups.map((s) => s.eventId),
  );
  const views = await Promise.all(
    signups.flatMap((s) => {
      const e = events.get(s.eventId);
      return e ? [view(store, e, s, now())] : [];
    }),
  );
  return views.sort((a, b) => (a.event.startAt < b.event.startAt ? -1 : 1));
}
