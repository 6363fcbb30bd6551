import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import type { Req } from '../../types';
import { call, callRaw, depsFor, errorOf, ok, seededStore } from '../support/harness';

const XICHANGAN = '110102001';
const worker = { account: `worker-${XICHANGAN}` };
/** Now, for these tests: Saturday 28 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-28T02:00:00Z');

function newEvent(overrides: Partial<Req<'events.create'>> = {}): Req<'events.create'> {
  return {
    title: '便民服务进社区·磨刀修伞',
    theme: '便民服务',
    streetCode: XICHANGAN,
    communityCode: '110102001007',
    placeName: '西交民巷社区活动室',
    lng: 116.3874,
    lat: 39.9035,
    startAt: '2026-12-05T09:00:00+08:00',
    endAt: '2026-12-05T11:30:00+08:00',
    deadline: '2026-12-04T18:00:00+08:00',
    capacity: 3,
    description: '磨刀、修伞、配钥匙',
    categories: ['repair'],
    ...overrides,
  };
}

describe('events: sign-up, waitlist, check-in and export', () => {
  let store: SqliteStore;
  let clock = NOW;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    clock = NOW;
    deps = depsFor(store, { now: () => clock });
  });
  afterEach(() => store.close());

  const create = async (o: Partial<Req<'events.create'>> = {}) =>
    ok(await call(deps, 'events.create', newEvent(o), worker)).event;
  const join = (id: string, who: string) => call(deps, 'events.join', { id }, { openid: who });

  it('lets a street worker post an event, and refuses other streets, residents and bad times', async () => {
    const e = await create();
    expect(e).toMatchObject({ status: 'open', confirmedCount: 0, capacity: 3, startAt: '2026-12-05T01:00:00.000Z' });
    expect(errorOf(await call(deps, 'events.create', newEvent(), { account: 'worker-110102003' })).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await call(deps, 'events.create', newEvent(), { account: 'resident' })).code).toBe('FORBIDDEN');
    const bad = errorOf(await call(deps, 'events.create', newEvent({ endAt: '2026-12-05T08:00:00+08:00' }), worker));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.field).toBe('endAt');
    expect(errorOf(await call(deps, 'events.create', newEvent({ lng: 116.4074, lat: 39.9042 }), worker)).code).toBe(
      'OUTSIDE_DISTRICT',
    );
    expect(await store.count('events')).toBe(1);
  });

  it('lists approved participating outlets on the event, and refuses one not approved', async () => {
    const { outlet } = await import('../support/outlets');
    await store.set('outlets', 'barber', outlet('barber', 116.3874, 39.9035, { name: '老街理发' }));
    await store.set('outlets', 'waiting', outlet('waiting', 116.3874, 39.9035, { status: 'pending' }));
    const bad = errorOf(await call(deps, 'events.create', newEvent({ outletIds: ['waiting'] }), worker));
    expect(bad.code).toBe('INVALID_INPUT');
    const e = await create({ outletIds: ['barber'] });
    expect(ok(await call(deps, 'events.get', { id: e.id })).participants).toEqual([{ id: 'barber', name: '老街理发' }]);
  });

  it('confirms while seats last, then waitlists in order; joining twice changes nothing', async () => {
    const e = await create();
    for (const who of ['p1', 'p2', 'p3', 'p4', 'p5']) ok(await join(e.id, who));
    const again = ok(await join(e.id, 'p4'));
    expect(again.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    const view = ok(await call(deps, 'events.get', { id: e.id }, { openid: 'p5' }));
    expect(view).toMatchObject({ seatsLeft: 0, mine: { status: 'waitlisted', position: 2 } });
    expect(view.event.confirmedCount).toBe(3);
    expect(await store.count('signups', { eventId: e.id })).toBe(5);
  });

  it('promotes the first waitlisted person at once when a confirmed one leaves', async () => {
    const e = await create();
    for (const who of ['p1', 'p2', 'p3', 'p4', 'p5']) ok(await join(e.id, who));
    ok(await call(deps, 'events.leave', { id: e.id }, { openid: 'p2' }));
    expect((await store.get('signups', `${e.id}_p4`))?.status).toBe('confirmed');
    expect(ok(await call(deps, 'events.get', { id: e.id }, { openid: 'p5' })).mine).toMatchObject({ position: 1 });
    ok(await call(deps, 'events.leave', { id: e.id }, { openid: 'p5' })); // leaving the waitlist frees no seat
    const after = ok(await call(deps, 'events.get', { id: e.id })).event;
    expect(after).toMatchObject({ confirmedCount: 3 });
    expect(ok(await call(deps, 'events.get', { id: e.id })).waitlisted).toBe(0);
  });

  it('refuses a join after the deadline, and check-in outside the window or with a wrong code, changing nothing', async () => {
    const e = await create();
    const mine = ok(await join(e.id, 'p1')).mine!;
    clock = new Date('2026-12-04T10:00:00Z'); // after the deadline (18:00 Beijing)
    const late = errorOf(await join(e.id, 'p2'));
    expect(late).toEqual({ code: 'CLOSED', message: '报名已截止' });
    expect(await store.get('signups', `${e.id}_p2`)).toBeNull();

    clock = new Date('2026-12-05T00:29:00Z'); // 08:29, before the window opens at 08:30
    expect(errorOf(await call(deps, 'events.checkIn', { id: e.id, code: mine.checkInCode }, worker)).code).toBe(
      'OUT_OF_WINDOW',
    );
    clock = new Date('2026-12-05T01:30:00Z');
    expect(errorOf(await call(deps, 'events.checkIn', { id: e.id, code: '0000999' }, worker)).code).toBe(
      'INVALID_CODE',
    );
    expect((await store.get('signups', mine.id))?.checkedInAt).toBeNull();
    const done = ok(await call(deps, 'events.checkIn', { id: e.id, code: mine.checkInCode }, worker));
    expect(done).toMatchObject({ alreadyCheckedIn: false, signup: { checkedInAt: '2026-12-05T01:30:00.000Z' } });
    expect(ok(await call(deps, 'events.checkIn', { id: e.id, code: mine.checkInCode }, worker)).alreadyCheckedIn).toBe(
      true,
    );
    clock = new Date('2026-12-05T03:31:00Z'); // after the end
    const attendees = ok(await call(deps, 'events.attendees', { id: e.id }, worker));
    expect(attendees.counts).toEqual({ confirmed: 1, waitlisted: 0, checkedIn: 1, noShows: 0 });
  });

  it('gives unique check-in codes and records no-shows once the event is over', async () => {
    const e = await create({ capacity: 50 });
    const codes = new Set<string>();
    for (let i = 0; i < 30; i++) codes.add(ok(await join(e.id, `q${i}`)).mine!.checkInCode);
    expect(codes.size).toBe(30);
    clock = new Date('2026-12-05T04:00:00Z');
    const list = ok(await call(deps, 'events.attendees', { id: e.id }, worker));
    expect(list.counts.noShows).toBe(30);
    expect(list.items.every((s) => s.noShow)).toBe(true);
  });

  it('cancels every sign-up when the event is cancelled', async () => {
    const e = await create();
    for (const who of ['p1', 'p2', 'p3', 'p4']) ok(await join(e.id, who));
    ok(await call(deps, 'events.cancel', { id: e.id }, worker));
    const statuses = (await store.query('signups', { where: { eventId: e.id } })).items.map((s) => s.status);
    expect(statuses).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(errorOf(await join(e.id, 'p9')).code).toBe('CLOSED');
    expect(ok(await call(deps, 'events.list', {})).map((v) => v.event.id)).not.toContain(e.id);
  });

  it('exports the attendee list as CSV with the same numbers', async () => {
    const e = await create();
    for (const who of ['p1', 'p2', 'p3', 'p4']) ok(await join(e.id, who));
    const { csv, filename } = ok(await call(deps, 'events.export', { id: e.id }, worker));
    expect(filename).toBe('便民服务进社区·磨刀修伞-报名名单.csv');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.includes(',已报名,'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(',候补,1,'))).toHaveLength(1);
    expect(errorOf(await call(deps, 'events.export', { id: e.id }, { account: 'resident' })).code).toBe('FORBIDDEN');
  });

  it('grows the capacity by promoting the waitlist in order', async () => {
    const e = await create();
    for (const who of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) ok(await join(e.id, who));
    ok(await call(deps, 'events.update', { id: e.id, capacity: 5 }, worker));
    expect((await store.get('signups', `${e.id}_p4`))?.status).toBe('confirmed');
    expect((await store.get('signups', `${e.id}_p5`))?.status).toBe('confirmed');
    expect((await store.get('signups', `${e.id}_p6`))?.status).toBe('waitlisted');
    expect(errorOf(await call(deps, 'events.update', { id: e.id, capacity: 2 }, worker)).code).toBe('CONFLICT');
  });

  it('needs a signed-in person to join, and ignores an openid in the payload', async () => {
    const e = await create();
    expect(errorOf(await callRaw(deps, 'events.join', { id: e.id, openid: 'someone' }, null)).code).toBe(
      'UNAUTHENTICATED',
    );
    ok(await callRaw(deps, 'events.join', { id: e.id, openid: 'someone-else' }, { openid: 'real-person' }));
    expect(await store.get('signups', `${e.id}_someone-else`)).toBeNull();
    expect((await store.get('signups', `${e.id}_real-person`))?.status).toBe('confirmed');
  });

  it('counts an event’s services as pop-up coverage near it, apart from permanent coverage, only while it runs', async () => {
    const { refreshCoverage } = await import('../../cloudfunctions/areas/coverage');
    await refreshCoverage(store, NOW); // no outlets: nobody is served permanently
    const before = ok(await call(deps, 'coverage.report', {}));
    expect(before.district.served).toBe(0);
    const all = [
      'vegetables',
      'breakfast',
      'convenience',
      'hair',
      'housekeeping',
      'laundry',
      'repair',
      'parcel',
    ] as const;
    await create({ categories: [...all] });
    const report = ok(await call(deps, 'coverage.report', {}));
    expect(report.district).toEqual(before.district); // never mixed in
    expect(report.popUp.events).toBe(1);
    expect(report.popUp.served).toBeGreaterThan(0);
    expect(report.popUp.served).toBe(report.popUp.communitiesReached);
    const during = ok(await call(deps, 'coverage.report', { openAt: '2026-12-05T10:00:00+08:00' }));
    expect(during.popUp.served).toBe(report.popUp.served);
    const after = ok(await call(deps, 'coverage.report', { openAt: '2026-12-05T12:00:00+08:00' }));
    expect(after.popUp).toMatchObject({ events: 0, served: 0 });
  });
});
