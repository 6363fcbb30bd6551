import type { Message, Req } from '../../types';
import { remindUpcoming } from '../../cloudfunctions/areas/events';
import { deliverMessages, recordingSender, type MessageSender } from '../../cloudfunctions/areas/messages';
import { inviteOpenSurveys } from '../../cloudfunctions/areas/surveys';
import { readAll } from '../../cloudfunctions/store/port';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { call, depsFor, errorOf, ok, seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

const worker = { account: 'worker-110102001' };
const NOW = new Date('2026-11-28T02:00:00Z');

function newEvent(capacity: number, overrides: Partial<Req<'events.create'>> = {}): Req<'events.create'> {
  return {
    title: '便民服务进社区·磨刀修伞',
    theme: '便民服务',
    streetCode: '110102001',
    placeName: '西交民巷社区活动室',
    lng: 116.3874,
    lat: 39.9035,
    startAt: '2026-12-05T09:00:00+08:00',
    endAt: '2026-12-05T11:30:00+08:00',
    deadline: '2026-12-04T18:00:00+08:00',
    capacity,
    ...overrides,
  };
}

describe('messages: people are told what changed', () => {
  let store: SqliteStore;
  let clock = NOW;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    clock = NOW;
    deps = depsFor(store, { now: () => clock });
  });
  afterEach(() => store.close());

  const messagesOf = async (openid: string) => readAll(store, 'messages', { recipient: openid });
  const create = async (capacity: number, o: Partial<Req<'events.create'>> = {}) =>
    ok(await call(deps, 'events.create', newEvent(capacity, o), worker)).event;

  it('tells the first waitlisted person, once, when a leave gives them a seat', async () => {
    const e = await create(2);
    for (const who of ['a', 'b', 'c', 'd']) ok(await call(deps, 'events.join', { id: e.id }, { openid: who }));
    ok(await call(deps, 'events.leave', { id: e.id }, { openid: 'a' }));
    expect((await store.get('signups', `${e.id}_c`))?.status).toBe('confirmed');
    const toC = await messagesOf('c');
    expect(toC.map((m) => m.kind)).toEqual(['promoted']);
    expect(toC[0]).toMatchObject({ link: { page: 'event', params: { id: e.id } }, readAt: null, delivery: 'inbox' });
    expect(toC[0].body).toContain(e.title);
    expect(await messagesOf('d')).toEqual([]);
    expect((await messagesOf('a')).map((m) => m.kind)).toEqual([]);
    // The promoted person sees it, counted as unread, and nobody else can read it.
    expect(ok(await call(deps, 'messages.unread', {}, { openid: 'c' })).count).toBe(1);
    expect(ok(await call(deps, 'messages.list', {}, { openid: 'd' })).items).toEqual([]);
    expect(errorOf(await call(deps, 'messages.read', { id: toC[0].id }, { openid: 'd' })).code).toBe('NOT_FOUND');
    ok(await call(deps, 'messages.read', { id: toC[0].id }, { openid: 'c' }));
    expect(ok(await call(deps, 'messages.unread', {}, { openid: 'c' })).count).toBe(0);
  });

  it('marks read a message whose id names an event, a WeChat-length openid and a seat', async () => {
    const e = await create(1);
    const waiting = 'oXcW1q2w3e4r5t6y7u8i9o0pAsDf'; // 28 characters, as WeChat's openids are
    for (const who of ['first', waiting]) ok(await call(deps, 'events.join', { id: e.id }, { openid: who }));
    ok(await call(deps, 'events.leave', { id: e.id }, { openid: 'first' }));
    const [m] = await messagesOf(waiting);
    expect(m.id.length).toBeGreaterThan(64);
    expect(ok(await call(deps, 'messages.read', { id: m.id }, { openid: waiting })).count).toBe(1);
  });

  it('promotes exactly one person per leave, each told once, under 100 leaves at once', async () => {
    const e = await create(100);
    const people = Array.from({ length: 200 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    for (const who of people) ok(await call(deps, 'events.join', { id: e.id }, { openid: who }));
    const leavers = people.slice(0, 100);
    const results = await Promise.all(leavers.map((who) => call(deps, 'events.leave', { id: e.id }, { openid: who })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const promoted = await readAll(store, 'messages', { kind: 'promoted' });
    expect(promoted).toHaveLength(100);
    expect(new Set(promoted.map((m) => m.recipient))).toEqual(new Set(people.slice(100)));
    expect((await store.get('events', e.id))?.confirmedCount).toBe(100);
  });

  it('tells all 300 people when an event is cancelled, one message each', async () => {
    const e = await create(200);
    for (let i = 0; i < 300; i++) ok(await call(deps, 'events.join', { id: e.id }, { openid: `x${i}` }));
    ok(await call(deps, 'events.cancel', { id: e.id }, worker));
    const told = await readAll(store, 'messages', { kind: 'eventCancelled' });
    expect(told).toHaveLength(300);
    expect(new Set(told.map((m) => m.recipient)).size).toBe(300);
    expect(await store.count('signups', { eventId: e.id, status: 'cancelled' })).toBe(300);
  });

  it('reminds each confirmed person once a day before, however often the job runs', async () => {
    const e = await create(2);
    for (const who of ['a', 'b', 'c']) ok(await call(deps, 'events.join', { id: e.id }, { openid: who }));
    expect(await remindUpcoming(store, NOW)).toBe(0); // a week before: too early
    clock = new Date('2026-12-04T10:00:00Z'); // 18:00 the day before, Beijing
    expect(await remindUpcoming(store, clock)).toBe(2);
    expect(await remindUpcoming(store, clock)).toBe(0);
    const reminders = await readAll(store, 'messages', { kind: 'reminder' });
    expect(reminders.map((m) => m.recipient).sort()).toEqual(['a', 'b']);
  });

  it('tells a merchant the review result and a resident the reply to their demand report', async () => {
    ok(
      await call(deps, 'demand.report', { category: 'breakfast', communityCode: '110102001004' }, { openid: 'asker' }),
    );
    const [report] = await readAll(store, 'demandReports', { openid: 'asker' });
    ok(await call(deps, 'demand.update', { id: report.id, status: 'planned', reply: '已联系早餐车' }, worker));
    const [answer] = await messagesOf('asker');
    expect(answer).toMatchObject({ kind: 'demandReply', link: { page: 'demand' } });
    expect(answer.body).toContain('已联系早餐车');

    await store.set(
      'outlets',
      'm-1',
      outlet('m-1', 116.3745, 39.9075, { status: 'pending', ownerOpenid: 'shop-owner', reviewSeq: 1 }),
    );
    ok(await call(deps, 'reviews.decide', { outletId: 'm-1', decision: 'reject', reason: '照片不清楚' }, worker));
    const [result] = await messagesOf('shop-owner');
    expect(result).toMatchObject({ kind: 'reviewResult', link: { page: 'merchantOutlets' } });
    expect(result.body).toContain('照片不清楚');
    // No message names anyone else.
    expect(`${answer.body}${result.body}`).not.toMatch(/demo:|worker-|asker|shop-owner/);
  });

  it('invites the residents of a targeted community to its survey, and nobody else', async () => {
    for (const [who, home] of [
      ['here-1', '110102001004'],
      ['here-2', '110102001004'],
      ['next-door', '110102001007'],
    ])
      ok(await call(deps, 'auth.setHome', { communityCode: home }, { openid: who }));
    ok(await call(deps, 'auth.me', {}, { openid: 'no-home' }));
    ok(
      await call(
        deps,
        'surveys.create',
        {
          title: '早餐需求调查',
          target: { kind: 'community', communityCode: '110102001004' },
          opensAt: '2026-11-28T09:00:00+08:00',
          closesAt: '2026-12-10T18:00:00+08:00',
          questions: [{ kind: 'text', title: '您希望早餐几点开门？' }],
        },
        worker,
      ),
    );
    const invited = await readAll(store, 'messages', { kind: 'surveyInvite' });
    expect(invited.map((m) => m.recipient).sort()).toEqual(['here-1', 'here-2']);
    expect(await inviteOpenSurveys(store, clock)).toBe(0); // already invited
  });

  describe('delivery to WeChat', () => {
    /** Messages some people subscribed to, waiting for delivery. */
    async function waiting(n: number): Promise<Message[]> {
      const e = await create(n);
      for (let i = 0; i < n * 2; i++) {
        ok(await call(deps, 'messages.subscribe', { kinds: ['eventCancelled'] }, { openid: `s${i}` }));
        ok(await call(deps, 'events.join', { id: e.id }, { openid: `s${i}` }));
      }
      ok(await call(deps, 'events.cancel', { id: e.id }, worker));
      const pending = await readAll(store, 'messages', { delivery: 'pending' });
      expect(pending).toHaveLength(n * 2);
      return pending;
    }

    it('delivers every message exactly once through a sender that fails every other call', async () => {
      const pending = await waiting(10);
      const record = recordingSender(store, () => clock);
      let calls = 0;
      const sends: string[] = [];
      const flaky: MessageSender = {
        async send(m) {
          if (calls++ % 2 === 0) throw new Error('网络错误');
          sends.push(m.id);
          await record.send(m);
        },
      };
      // Each run retries what failed before, until nothing waits.
      for (let run = 0; run < 10 && (await store.count('messages', { delivery: 'pending' })) > 0; run++)
        await deliverMessages(store, flaky, () => clock);
      expect(sends.sort()).toEqual(pending.map((m) => m.id).sort());
      expect(await store.count('messages', { delivery: 'sent' })).toBe(pending.length);
      expect(await store.count('deliveries')).toBe(pending.length);
      expect(await store.count('messages', { delivery: 'failed' })).toBe(0);
    });

    it('shows admins what was sent (person as a masked key, kind, title, time, state) and nobody else', async () => {
      const pending = await waiting(2);
      await deliverMessages(
        store,
        recordingSender(store, () => clock),
        () => clock,
      );
      const admin = { account: 'admin' };
      const sent = ok(await call(deps, 'messages.sent', {}, admin)).items;
      expect(sent).toHaveLength(pending.length);
      expect(new Set(sent.map((x) => x.key)).size).toBe(pending.length);
      for (const x of sent) {
        expect(x).toMatchObject({ kind: 'eventCancelled', title: pending[0].title, delivery: 'sent' });
        expect(x.at).toBe(clock.toISOString());
        expect(x.title).not.toBe('');
        expect(x.person).toMatch(/^用户 [0-9a-f]{8}$/);
      }
      // The recipients' ids never leave the server (message ids name them, so those stay too).
      for (const m of pending) expect(JSON.stringify(sent)).not.toContain(m.recipient);
      expect(new Set(sent.map((x) => x.person)).size).toBe(new Set(pending.map((m) => m.recipient)).size);
      expect(errorOf(await call(deps, 'messages.sent', {}, worker)).code).toBe('FORBIDDEN');
      expect(errorOf(await call(deps, 'messages.sent', {}, { openid: 's0' })).code).toBe('FORBIDDEN');
    });

    it('after a sender stops half way, a restart delivers the rest without a duplicate', async () => {
      const pending = await waiting(10);
      const record = recordingSender(store, () => clock);
      let sent = 0;
      // The first sender records 7 messages, then stops for good in the middle of the 8th (a killed process).
      const dying: MessageSender = {
        async send(m) {
          if (sent === 7) {
            await record.send(m);
            await new Promise(() => undefined);
          }
          sent++;
          await record.send(m);
        },
      };
      void deliverMessages(store, dying, () => clock);
      await new Promise((r) => setTimeout(r, 200));
      expect(await store.count('deliveries')).toBe(8);
      // Restarted ten minutes later: the stale claim is retried; recording by id leaves no duplicate.
      clock = new Date(NOW.getTime() + 10 * 60_000);
      await deliverMessages(store, record, () => clock);
      expect(await store.count('messages', { delivery: 'sent' })).toBe(pending.length);
      const deliveries = await readAll(store, 'deliveries');
      expect(deliveries).toHaveLength(pending.length);
      expect(new Set(deliveries.map((d) => d.id)).size).toBe(pending.length);
    });

    it('sends nothing to WeChat for a person who did not subscribe: inbox only', async () => {
      const e = await create(1);
      ok(await call(deps, 'events.join', { id: e.id }, { openid: 'quiet' }));
      ok(await call(deps, 'events.cancel', { id: e.id }, worker));
      const [m] = await messagesOf('quiet');
      expect(m.delivery).toBe('inbox');
      await deliverMessages(
        store,
        recordingSender(store, () => clock),
        () => clock,
      );
      expect(await store.count('deliveries')).toBe(0);
    });
  });
});
