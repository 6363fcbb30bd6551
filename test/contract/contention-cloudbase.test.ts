import type { CommunityEvent, OutletRatings, Rating, Signup, Survey, SurveyAnswer } from '../../types';
import { AppError } from '../../cloudfunctions/core/errors';
import { CloudbaseStore, TX_BUDGET_MS } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import type { Transaction } from '../../cloudfunctions/store/port';
import { installMemoryCloudbase } from '../support/cloudbase';
import type { MemoryCloudbase } from '../support/cloudbase-memory';
import { SimulatedClock } from '../support/cloudbase-clock';

/**
 * Transactions shaped like the use cases (a contended counter document touched first, then a per-person document
 * with a deterministic id), run at once on the strict in-memory CloudBase with 10 ms added to every request. A
 * function that writes under contention has 20 s; every call here must answer in under 10 s.
 */
const LATENCY_MS = 10;
const CALL_LIMIT_MS = 10_000;
const AT = '2026-11-28T02:00:00.000Z';

interface Outcome<T> {
  value?: T;
  code?: string;
  ms: number;
}

let clock: SimulatedClock;
let memory: MemoryCloudbase;
let store: CloudbaseStore;
beforeEach(() => {
  clock = new SimulatedClock();
  memory = installMemoryCloudbase({ latencyMs: LATENCY_MS, clock });
  store = new CloudbaseStore(cloudbaseDb(), clock);
});

/** Runs a test's body on simulated time (see `SimulatedClock`). */
const simulated = (body: () => Promise<void>) => () => clock.run(body);

async function timed<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  const start = clock.now();
  try {
    const value = await work();
    return { value, ms: clock.now() - start };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, ms: clock.now() - start };
  }
}

/** Every call at the same moment. */
const simultaneously = <T>(calls: (() => Promise<T>)[]) => Promise.all(calls.map((c) => timed(c)));

const slowest = (outcomes: Outcome<unknown>[]) => Math.max(...outcomes.map((o) => o.ms));
const codes = (outcomes: Outcome<unknown>[]) => outcomes.filter((o) => o.code).map((o) => o.code);

/** Like `ratings.submit`: the outlet's aggregate first, then the person's own rating (id `<outletId>_<openid>`). */
function rate(outletId: string, openid: string, stars: Rating['stars']) {
  return store.transaction(async (tx: Transaction) => {
    const agg = await tx.get('outletRatings', outletId);
    const id = `${outletId}_${openid}`;
    const mine = await tx.get('ratings', id);
    const histogram = [...(agg?.histogram ?? [0, 0, 0, 0, 0])] as OutletRatings['histogram'];
    if (mine) histogram[mine.stars - 1]--;
    histogram[stars - 1]++;
    const count = (agg?.count ?? 0) + (mine ? 0 : 1);
    const sum = (agg?.sum ?? 0) - (mine?.stars ?? 0) + stars;
    await tx.set('outletRatings', outletId, {
      outletId,
      streetCode: '110102001',
      count,
      sum,
      histogram,
      bayes: sum / count,
      updatedAt: AT,
    });
    const rating: Rating = {
      id,
      outletId,
      streetCode: '110102001',
      openid,
      nickname: openid,
      stars,
      dimensions: {},
      text: '',
      status: 'published',
      reports: 0,
      reply: null,
      createdAt: mine?.createdAt ?? AT,
      updatedAt: AT,
    };
    await tx.set('ratings', id, rating);
  });
}

describe('ratings under contention on CloudBase', () => {
  it(
    'lands 100 people rating one outlet at once, with an exact aggregate and no CONFLICT, each in under 10 s',
    simulated(async () => {
      const people = Array.from({ length: 100 }, (_, i) => ({ openid: `rater-${i}`, stars: ((i % 5) + 1) as 1 }));
      const outcomes = await simultaneously(people.map((p) => () => rate('hot-outlet', p.openid, p.stars)));
      expect(codes(outcomes)).toEqual([]);
      expect(slowest(outcomes)).toBeLessThan(CALL_LIMIT_MS);
      const agg = await store.get('outletRatings', 'hot-outlet');
      expect(agg).toMatchObject({ count: 100, sum: 300, histogram: [20, 20, 20, 20, 20] });
      expect(await store.count('ratings', { outletId: 'hot-outlet' })).toBe(100);
      // Every attempt ended: nothing is left holding a lock.
      expect(memory.openTransactions).toBe(0);
    }),
    30000,
  );

  it(
    'counts a person who rates twice at once once, with their last stars kept',
    simulated(async () => {
      const outcomes = await simultaneously(
        ([1, 5, 3, 4, 2] as const).map((stars) => () => rate('twice', 'same-person', stars)),
      );
      expect(codes(outcomes)).toEqual([]);
      const agg = (await store.get('outletRatings', 'twice'))!;
      const mine = (await store.get('ratings', 'twice_same-person'))!;
      expect(agg.count).toBe(1);
      expect(agg.sum).toBe(mine.stars);
      expect(agg.histogram.reduce((a, b) => a + b, 0)).toBe(1);
    }),
    30000,
  );
});

const SURVEY: Survey = {
  id: 'survey-1',
  title: '便民服务需求',
  description: '',
  target: { kind: 'district' },
  opensAt: AT,
  closesAt: '2026-12-28T02:00:00.000Z',
  questions: [],
  answerCount: 0,
  createdBy: 'worker',
  createdAt: AT,
};

/** Like `surveys.answer`: the survey's counter first, then the answer (id `<surveyId>_<openid>`); twice is CONFLICT. */
function answer(openid: string, choice: string) {
  return store.transaction(async (tx) => {
    const survey = await tx.get('surveys', SURVEY.id);
    if (!survey) throw new AppError('NOT_FOUND');
    const id = `${SURVEY.id}_${openid}`;
    if (await tx.get('surveyAnswers', id)) throw new AppError('CONFLICT', '已经提交过这份问卷');
    await tx.update('surveys', SURVEY.id, { answerCount: survey.answerCount + 1 });
    const doc: SurveyAnswer = {
      id,
      surveyId: SURVEY.id,
      openid,
      communityCode: null,
      answers: { q1: choice },
      flaggedText: false,
      createdAt: AT,
    };
    await tx.set('surveyAnswers', id, doc);
  });
}

describe('survey answers under contention on CloudBase', () => {
  beforeEach(() => clock.run(() => store.set('surveys', SURVEY.id, SURVEY)));

  it(
    'stores 100 simultaneous answers and counts each once, every call in under 10 s',
    simulated(async () => {
      const outcomes = await simultaneously(Array.from({ length: 100 }, (_, i) => () => answer(`p-${i}`, 'a')));
      expect(codes(outcomes)).toEqual([]);
      expect(slowest(outcomes)).toBeLessThan(CALL_LIMIT_MS);
      expect((await store.get('surveys', SURVEY.id))?.answerCount).toBe(100);
      expect(await store.count('surveyAnswers', { surveyId: SURVEY.id })).toBe(100);
    }),
    30000,
  );

  it(
    'answers a second answer by one person with CONFLICT and keeps one stored answer',
    simulated(async () => {
      const first = await timed(() => answer('once', 'a'));
      const second = await timed(() => answer('once', 'b'));
      expect(first.code).toBeUndefined();
      expect(second.code).toBe('CONFLICT');
      expect(await store.count('surveyAnswers', { surveyId: SURVEY.id })).toBe(1);
      expect((await store.get('surveyAnswers', `${SURVEY.id}_once`))?.answers).toEqual({ q1: 'a' });
      expect((await store.get('surveys', SURVEY.id))?.answerCount).toBe(1);
    }),
    30000,
  );

  it(
    'keeps one answer when one person sends two at the same moment',
    simulated(async () => {
      const both = await simultaneously([() => answer('racer', 'a'), () => answer('racer', 'b')]);
      expect(codes(both)).toEqual(['CONFLICT']);
      expect(await store.count('surveyAnswers', { surveyId: SURVEY.id })).toBe(1);
      expect((await store.get('surveys', SURVEY.id))?.answerCount).toBe(1);
    }),
    30000,
  );
});

function event(capacity: number): CommunityEvent {
  return {
    id: 'event-1',
    title: '社区便民日',
    theme: '便民服务',
    streetCode: '110102001',
    communityCode: null,
    circleId: null,
    placeName: '市民活动中心',
    location: { type: 'Point', coordinates: [116.3745, 39.9075] },
    startAt: '2026-12-06T01:00:00.000Z',
    endAt: '2026-12-06T04:00:00.000Z',
    deadline: '2026-12-05T12:00:00.000Z',
    capacity,
    description: '',
    coverImage: null,
    outletIds: [],
    categories: [],
    status: 'open',
    confirmedCount: 0,
    checkedInCount: 0,
    seatSeq: 0,
    createdBy: 'worker',
    createdAt: AT,
    updatedAt: AT,
  };
}

/**
 * A join with sign-ups as their own documents: the event's seat counter is written only while seats remain; a
 * person who finds it full writes only their own sign-up, waitlisted (their place is the order of `createdAt`, id),
 * so the waitlist path has no hot document. (When every join writes the event document — a waitlist array on it —
 * 1,000 joins at 10 ms a request need 41 s for the last one even with no retry limit; within the 6 s budget 851 of
 * 1,000 get CONFLICT.)
 */
function join(openid: string, at: string) {
  return store.transaction(async (tx) => {
    const e = (await tx.get('events', 'event-1'))!;
    const id = `${e.id}_${openid}`;
    const mine = await tx.get('signups', id);
    if (mine) return mine;
    const seat = e.confirmedCount < e.capacity;
    if (seat) await tx.update('events', e.id, { confirmedCount: e.confirmedCount + 1 });
    const signup: Signup = {
      id,
      eventId: e.id,
      openid,
      status: seat ? 'confirmed' : 'waitlisted',
      queueKey: `${at}|${id}`,
      checkInCode: openid,
      checkedInAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.set('signups', id, signup);
    return signup;
  });
}

describe('event joins under contention on CloudBase', () => {
  it(
    'confirms exactly 100 of 1,000 simultaneous joiners for 100 seats and waitlists the rest, each in under 10 s',
    simulated(async () => {
      await store.set('events', 'event-1', event(100));
      const outcomes = await simultaneously(
        Array.from({ length: 1000 }, (_, i) => () => join(`j-${i}`, new Date(Date.parse(AT) + i).toISOString())),
      );
      expect(codes(outcomes)).toEqual([]);
      expect(slowest(outcomes)).toBeLessThan(CALL_LIMIT_MS);
      const confirmed = outcomes.filter((o) => o.value?.status === 'confirmed');
      expect(confirmed).toHaveLength(100);
      expect((await store.get('events', 'event-1'))?.confirmedCount).toBe(100);
      expect(await store.count('signups', { eventId: 'event-1', status: 'confirmed' })).toBe(100);
      expect(await store.count('signups', { eventId: 'event-1' })).toBe(1000);
      expect(memory.openTransactions).toBe(0);
    }),
    60000,
  );
});

describe('the retry budget', () => {
  it(
    'gives up with CONFLICT within the budget when a document stays locked',
    simulated(async () => {
      await store.set('meta', 'held', { key: 'held', value: '0', updatedAt: AT });
      // Another writer's transaction takes the document and keeps it (as an SDK retry that never rolled back did).
      const db = cloudbaseDb();
      const holder = await db.startTransaction();
      await holder.collection('meta').doc('held').update({ value: 'held' });
      const outcome = await timed(() => store.transaction((tx) => tx.update('meta', 'held', { value: '1' })));
      expect(outcome.code).toBe('CONFLICT');
      expect(outcome.ms).toBeGreaterThanOrEqual(TX_BUDGET_MS - 500);
      expect(outcome.ms).toBeLessThan(TX_BUDGET_MS + 1000);
      await holder.rollback(undefined);
      expect(memory.openTransactions).toBe(0);
    }),
    30000,
  );
});
