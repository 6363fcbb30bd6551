import type { Envelope } from '../../types';
import { remindUpcoming } from '../../cloudfunctions/areas/events';
import { deliverMessages, recordingSender } from '../../cloudfunctions/areas/messages';
import { inviteOpenSurveys } from '../../cloudfunctions/areas/surveys';
import { takeSnapshot } from '../../cloudfunctions/areas/supervision';
import { seedWithDemoAccounts } from '../support/seed';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import type { DatabaseSpec } from '../../cloudfunctions/store/cloudbase/schema';
import { databaseSpec, installMemoryCloudbase } from '../support/cloudbase';

import { callRaw, depsFor, FIXED_NOW, type As } from '../support/harness';
import { eventInput } from '../support/events';

const STREET = '110102001';
const OTHER_STREET = '110102003';
const HOME = '110102001004';
const FILE = 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const merchant: As = { openid: 'idx-merchant' };
const worker: As = { account: `worker-${STREET}` };
const admin: As = { account: 'admin' };
const resident: As = { openid: 'idx-resident' };

interface Step {
  action: string;
  data: unknown;
  as: As;
}

/**
 * The product's reads and writes, through its routers, on the strict in-memory CloudBase: every action that queries
 * (lists, searches, nearby, reports, queues, exports), with and without a street, so each query shape the adapter
 * issues meets the declared indexes. Ids made by earlier steps are looked up with `pick`.
 */
async function runProduct(): Promise<{ step: string; env: Envelope<unknown> }[]> {
  const store = new CloudbaseStore(cloudbaseDb());
  await seedWithDemoAccounts(store, FIXED_NOW);
  const deps = depsFor(store as never);
  await store.set('files', FILE, { id: FILE, owner: 'idx-merchant', mime: 'image/png', size: 100, createdAt: '' });
  const out: { step: string; env: Envelope<unknown> }[] = [];
  const run = async ({ action, data, as }: Step) => {
    const env = await callRaw(deps, action, data, as);
    out.push({ step: action, env });
    return env;
  };
  const data = <T>(env: Envelope<unknown>) => (env.ok ? (env.data as T) : null);

  const reg = data<{ outlets: { id: string }[] }>(
    await run({
      action: 'merchants.register',
      data: {
        creditCode: '91350100M000100Y43',
        legalName: '北京西单便民服务有限公司',
        contactName: '王经理',
        contactPhone: '010-66000000',
        licenseFile: FILE,
        outlets: [
          {
            name: '西单便民菜店',
            address: '西城区西单北大街 1 号',
            lng: 116.3745,
            lat: 39.9075,
            streetCode: STREET,
            categories: ['vegetables'],
            hours: 'daily 07:00-20:00',
          },
        ],
      },
      as: merchant,
    }),
  );
  const outletId = reg?.outlets[0]?.id ?? 'missing';
  await run({ action: 'reviews.queue', data: {}, as: admin });
  await run({ action: 'reviews.queue', data: { streetCode: STREET }, as: worker });
  await run({ action: 'reviews.get', data: { outletId }, as: worker });
  await run({ action: 'files.url', data: { fileId: FILE }, as: worker });
  await run({ action: 'reviews.decide', data: { outletId, decision: 'approve' }, as: worker });
  await run({ action: 'merchants.mine', data: {}, as: merchant });
  for (const where of [{}, { streetCode: STREET }])
    for (const extra of [{}, { categories: ['vegetables'], accessible: true, payment: ['cash'] }])
      await run({ action: 'outlets.nearby', data: { lng: 116.3745, lat: 39.9075, ...where, ...extra }, as: null });
  await run({ action: 'outlets.nearby', data: { lng: 116.3745, lat: 39.9075, sort: 'score' }, as: null });
  await run({ action: 'outlets.search', data: { q: '菜' }, as: null });
  await run({ action: 'outlets.search', data: { q: '菜', streetCode: STREET }, as: null });
  await run({ action: 'outlets.get', data: { id: outletId }, as: null });
  const rating = data<{ rating: { id: string } }>(
    await run({ action: 'ratings.submit', data: { outletId, stars: 4, text: '很方便' }, as: resident }),
  );
  await run({ action: 'ratings.list', data: { outletId }, as: null });
  await run({ action: 'ratings.mine', data: {}, as: resident });
  await run({ action: 'ratings.report', data: { ratingId: rating?.rating?.id ?? 'missing' }, as: merchant });
  await run({ action: 'ratings.queue', data: {}, as: admin });
  await run({ action: 'ratings.queue', data: { streetCode: STREET }, as: worker });
  await run({ action: 'coverage.report', data: {}, as: null });
  await run({ action: 'coverage.report', data: { streetCode: STREET }, as: null });
  await run({ action: 'coverage.gaps', data: { streetCode: STREET }, as: worker });
  await run({ action: 'circles.list', data: {}, as: null });
  await run({ action: 'circles.list', data: { streetCode: STREET }, as: null });
  await run({ action: 'circles.progress', data: {}, as: null });
  await run({ action: 'geo.streets', data: {}, as: null });
  await run({ action: 'auth.demoAccounts', data: {}, as: null });
  await run({ action: 'geo.communities', data: { streetCode: STREET }, as: null });
  await run({ action: 'geo.communities', data: {}, as: null });
  await run({ action: 'auth.setHome', data: { communityCode: HOME }, as: resident });
  const event = data<{ event: { id: string } }>(
    await run({
      action: 'events.create',
      data: eventInput({ title: '社区便民日', streetCode: STREET, capacity: 1, categories: ['repair'] }),
      as: worker,
    }),
  );
  const eventId = event?.event.id ?? 'missing';
  await run({ action: 'events.join', data: { id: eventId }, as: resident });
  await run({ action: 'events.join', data: { id: eventId }, as: merchant });
  await run({ action: 'events.list', data: {}, as: null });
  await run({ action: 'events.list', data: { streetCode: STREET }, as: null });
  await run({ action: 'events.mine', data: {}, as: resident });
  await run({ action: 'events.attendees', data: { id: eventId }, as: worker });
  await run({ action: 'events.checkIn', data: { id: eventId, code: '0000000' }, as: worker });
  await run({ action: 'events.export', data: { id: eventId }, as: worker });
  await run({ action: 'events.cancel', data: { id: eventId }, as: worker });
  const survey = data<{ id: string }>(
    await run({
      action: 'surveys.create',
      data: {
        title: '便民服务需求调查',
        target: { kind: 'street', streetCode: STREET },
        opensAt: '2026-11-27T00:00:00+08:00',
        closesAt: '2026-12-31T00:00:00+08:00',
        questions: [{ kind: 'single', title: '您多久买一次菜？', options: ['每天', '更少'] }],
      },
      as: worker,
    }),
  );
  await run({ action: 'surveys.list', data: {}, as: resident });
  await run({ action: 'surveys.answer', data: { id: survey?.id, answers: { q1: '每天' } }, as: resident });
  await run({ action: 'surveys.results', data: { id: survey?.id }, as: worker });
  await run({ action: 'surveys.export', data: { id: survey?.id }, as: worker });
  await run({ action: 'demand.report', data: { category: 'repair', communityCode: HOME }, as: resident });
  await run({ action: 'demand.mine', data: {}, as: resident });
  await run({ action: 'demand.grouped', data: { streetCode: STREET }, as: worker });
  await run({ action: 'demand.grouped', data: { streetCode: OTHER_STREET }, as: admin });
  return out;
}

const internal = (results: { step: string; env: Envelope<unknown> }[]) =>
  results.filter((r) => !r.env.ok && r.env.error.code === 'INTERNAL').map((r) => r.step);

describe('indexes for every query the product issues (strict in-memory CloudBase)', () => {
  it('serves every query of the product’s actions from an index declared in cloudbase/database.json', async () => {
    const memory = installMemoryCloudbase();
    const results = await runProduct();
    expect(memory.indexMisses).toEqual([]);
    expect(internal(results)).toEqual([]);
    // The run really reached the queries the issue named.
    for (const shape of [
      // Rating aggregates are read by id (the outlet's), in batches.
      'outletRatings',
      'events where endAt range',
      'outlets where needsReview = order by updatedAt',
      'outlets where businessId =',
      'businesses where licenseFile =',
      'ratings where status =',
      'outlets where status =, location geoNear',
      'signups where eventId =, status =',
      'users where demoAccount range order by demoAccount',
    ])
      expect([...memory.shapesSeen]).toContain(shape);
  }, 60000);

  it('fails naming the query when an index it needs is removed from the declaration', async () => {
    const spec: DatabaseSpec = databaseSpec();
    const events = spec.collections.find((c) => c.name === 'events')!;
    events.indexes = events.indexes.filter((i) => i.name !== 'end');
    const outlets = spec.collections.find((c) => c.name === 'outlets')!;
    outlets.indexes = outlets.indexes.filter((i) => i.name !== 'location_geo');
    const memory = installMemoryCloudbase({ spec });
    const results = await runProduct();
    expect(memory.indexMisses).toContain('events where endAt range');
    expect(memory.indexMisses).toContain('outlets where status =, location geoNear');
    expect(internal(results)).toEqual(expect.arrayContaining(['events.list', 'outlets.nearby', 'coverage.report']));
  }, 60000);

  it('serves the message jobs and the inbox from declared indexes too', async () => {
    const memory = installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, FIXED_NOW);
    const deps = depsFor(store as never);
    const results: Envelope<unknown>[] = [];
    const run = async (action: string, data: unknown, as: As) => {
      const env = await callRaw(deps, action, data, as);
      results.push(env);
      return env;
    };
    const worker = { account: `worker-${STREET}` };
    await run('auth.setHome', { communityCode: '110102001004' }, { openid: 'idx-home' });
    await run('messages.subscribe', { kinds: ['eventCancelled'] }, { openid: 'idx-waiting' });
    const created = await run(
      'events.create',
      {
        title: '便民服务日',
        theme: '便民服务',
        streetCode: STREET,
        placeName: '市民活动中心',
        lng: 116.3745,
        lat: 39.9075,
        startAt: '2026-11-29T09:00:00+08:00',
        endAt: '2026-11-29T11:00:00+08:00',
        deadline: '2026-11-29T08:00:00+08:00',
        capacity: 1,
      },
      worker,
    );
    const eventId = created.ok ? (created.data as { event: { id: string } }).event.id : '';
    for (const who of ['idx-joiner', 'idx-waiting']) await run('events.join', { id: eventId }, { openid: who });
    await run('events.get', { id: eventId }, { openid: 'idx-waiting' });
    await run('events.attendees', { id: eventId }, worker);
    await run('events.leave', { id: eventId }, { openid: 'idx-joiner' });
    await run(
      'surveys.create',
      {
        title: '社区需求调查',
        target: { kind: 'street', streetCode: STREET },
        opensAt: '2026-11-28T08:00:00+08:00',
        closesAt: '2026-12-28T08:00:00+08:00',
        questions: [{ kind: 'text', title: '还缺什么？' }],
      },
      worker,
    );
    await remindUpcoming(store, FIXED_NOW);
    await inviteOpenSurveys(store, FIXED_NOW);
    await run('events.cancel', { id: eventId }, worker);
    await deliverMessages(
      store,
      recordingSender(store, () => FIXED_NOW),
      () => FIXED_NOW,
    );
    await run('messages.list', {}, { openid: 'idx-home' });
    await run('messages.unread', {}, { openid: 'idx-home' });
    await run('messages.read', { all: true }, { openid: 'idx-home' });
    expect(memory.indexMisses).toEqual([]);
    expect(results.filter((e) => !e.ok).map((e) => (e.ok ? '' : e.error))).toEqual([]);
    expect(await store.count('messages', { recipient: 'idx-home' })).toBe(1);
    expect(await store.count('deliveries')).toBe(1);
  }, 60000);

  it('serves the supervision dashboard, the daily index, evaluations and 一街一则 from declared indexes', async () => {
    const memory = installMemoryCloudbase();
    const store = new CloudbaseStore(cloudbaseDb());
    await seedWithDemoAccounts(store, FIXED_NOW);
    const deps = depsFor(store as never);
    await store.set('circles', 'idx-circle', {
      id: 'idx-circle',
      name: '西交民巷生活圈',
      streetCode: STREET,
      members: [HOME],
      centre: { type: 'Point', coordinates: [116.3745, 39.9075] },
      minutes: 10,
      year: 2025,
      status: 'building',
      source: 'official',
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
    });
    const results: { step: string; env: Envelope<unknown> }[] = [];
    const run = async (action: string, data: unknown, as: As) => {
      const env = await callRaw(deps, action, data, as);
      results.push({ step: action, env });
      return env;
    };
    await takeSnapshot(store, FIXED_NOW);
    await takeSnapshot(store, FIXED_NOW);
    await run('supervision.dashboard', {}, admin);
    await run('supervision.dashboard', {}, worker);
    await run('supervision.evaluation', { circleId: 'idx-circle' }, null);
    await run('supervision.config', {}, admin);
    await run('supervision.designations', {}, null);
    await run('guidelines.get', { streetCode: STREET }, null);
    await run('guidelines.save', { streetCode: STREET, notes: '补齐早餐', version: 0 }, worker);
    await run('guidelines.export', { streetCode: STREET }, worker);
    const refused = await run('circles.save', { op: 'update', id: 'idx-circle', status: 'built' }, admin);
    expect(memory.indexMisses).toEqual([]);
    expect(internal(results)).toEqual([]);
    expect(refused.ok ? '' : refused.error.code).toBe('CONFLICT');
    expect(await store.count('indexSnapshots')).toBe(1);
    for (const shape of ['warnings where status =, streetCode =', 'indexSnapshots where date range order by date'])
      expect([...memory.shapesSeen]).toContain(shape);
  }, 60000);
});
