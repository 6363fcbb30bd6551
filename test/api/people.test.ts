import ExcelJS from 'exceljs';
import { demoEvents } from '../../cloudfunctions/areas/events/demo';
import { ensureSeeded } from '../../cloudfunctions/local/main';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { readAll } from '../../cloudfunctions/store/port';
import type { Req } from '../../types';
import { call, depsFor, errorOf, FIXED_NOW, ok, seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

const XICHANGAN = '110102001';
const worker = { account: `worker-${XICHANGAN}` };

const newEvent = (capacity = 1): Req<'events.create'> => ({
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
  capacity,
});

describe('attendee contacts: a phone given at sign-up, masked in lists, in full only to the event’s workers', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
  });
  afterEach(() => store.close());

  it('masks the phone in the attendee list (seat and waitlist) and never sends it to residents', async () => {
    const { id } = ok(await call(deps, 'events.create', newEvent(1), worker)).event;
    const joined = ok(await call(deps, 'events.join', { id, phone: '13812341234' }, { openid: 'p1' }));
    ok(await call(deps, 'events.join', { id, phone: '15900005678' }, { openid: 'p2' })); // waitlisted
    ok(await call(deps, 'events.join', { id }, { openid: 'p3' })); // no phone given
    // Every read a resident gets back, their own included, is free of the number.
    const residentReads = [
      joined,
      ok(await call(deps, 'events.get', { id }, { openid: 'p1' })),
      ok(await call(deps, 'events.list', {}, { openid: 'p2' })),
      ok(await call(deps, 'events.mine', {}, { openid: 'p2' })),
      ok(await call(deps, 'events.leave', { id }, { openid: 'p3' })),
    ];
    for (const read of residentReads) {
      expect(JSON.stringify(read)).not.toContain('13812341234');
      expect(JSON.stringify(read)).not.toContain('15900005678');
      expect(JSON.stringify(read)).not.toContain('contactPhone');
    }
    const list = ok(await call(deps, 'events.attendees', { id }, worker));
    const byWho = new Map(list.items.map((s) => [s.openid, s]));
    expect(byWho.get('p1')).toMatchObject({ status: 'confirmed', phoneMasked: '138****1234' });
    expect(byWho.get('p2')).toMatchObject({ status: 'waitlisted', phoneMasked: '159****5678' });
    expect(byWho.get('p3')?.phoneMasked ?? null).toBeNull();
    expect(JSON.stringify(list)).not.toMatch(/13812341234|15900005678/);
    // Messages never carry it either (the worker's change reaches everyone signed up).
    ok(await call(deps, 'events.update', { id, title: '便民服务进社区·改期' }, worker));
    expect(JSON.stringify(await readAll(store, 'messages', {}))).not.toMatch(/13812341234|15900005678/);
  });

  it('gives the full number only to a worker of the event’s street or an admin, one sign-up at a time', async () => {
    const { id } = ok(await call(deps, 'events.create', newEvent(5), worker)).event;
    ok(await call(deps, 'events.join', { id, phone: '13812341234' }, { openid: 'p1' }));
    ok(await call(deps, 'events.join', { id }, { openid: 'p2' }));
    const signupId = `${id}_p1`;
    expect(ok(await call(deps, 'events.contact', { id, signupId }, worker))).toEqual({ phone: '13812341234' });
    expect(ok(await call(deps, 'events.contact', { id, signupId }, { account: 'admin' })).phone).toBe('13812341234');
    for (const who of [{ account: 'worker-110102003' }, { account: 'resident' }, { openid: 'p1' }, null])
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(
        errorOf(await call(deps, 'events.contact', { id, signupId }, who)).code,
      );
    expect(errorOf(await call(deps, 'events.contact', { id, signupId: `${id}_p2` }, worker)).code).toBe('NOT_FOUND');
  });

  it('refuses a phone that is not a mobile number, in Chinese, and signs nobody up', async () => {
    const { id } = ok(await call(deps, 'events.create', newEvent(5), worker)).event;
    const bad = errorOf(await call(deps, 'events.join', { id, phone: '12345' }, { openid: 'p1' }));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', field: 'phone' });
    expect(bad.message).toMatch(/手机号/);
    expect(await store.count('signups')).toBe(0);
  });
});

describe('rating queue: each waiting review names its outlet', () => {
  it('returns the outlet name with each item', async () => {
    const store = await seededStore();
    const deps = depsFor(store);
    await store.set('outlets', 'shop', outlet('shop', 116.3745, 39.9075, { name: '老街坊早点铺' }));
    await store.set('outlets', 'shop2', outlet('shop2', 116.3746, 39.9076, { name: '西单修鞋铺' }));
    ok(await call(deps, 'ratings.submit', { outletId: 'shop', stars: 1, text: '老板是傻逼' }, { openid: 'p1' }));
    ok(await call(deps, 'ratings.submit', { outletId: 'shop2', stars: 1, text: '傻逼店' }, { openid: 'p2' }));
    const queue = ok(await call(deps, 'ratings.queue', {}, worker));
    expect(new Map(queue.map((r) => [r.outletId, r.outletName]))).toEqual(
      new Map([
        ['shop', '老街坊早点铺'],
        ['shop2', '西单修鞋铺'],
      ]),
    );
    store.close();
  });
});

describe('demo events and survey in a fresh data folder', () => {
  it('seeds upcoming demo events in several communities with various seats, and one open demo survey', async () => {
    const store = SqliteStore.open(':memory:');
    await ensureSeeded(store, 0, FIXED_NOW);
    const deps = depsFor(store);
    const events = ok(await call(deps, 'events.list', {}));
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.every((v) => v.event.demo === true && v.joinable && v.event.startAt > FIXED_NOW.toISOString())).toBe(
      true,
    );
    expect(new Set(events.map((v) => v.event.communityCode)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(events.map((v) => v.event.capacity)).size).toBeGreaterThanOrEqual(3);
    const surveys = ok(await call(deps, 'surveys.list', {}, { openid: 'someone' }));
    expect(surveys.filter((s) => s.survey.demo && s.open)).toHaveLength(1);
    // Seeded, so the same data folder made at the same time has the same events.
    const again = demoEvents(await readAll(store, 'communities', {}), FIXED_NOW);
    expect(again.map((e) => [e.id, e.communityCode, e.startAt])).toEqual(
      [...events]
        .sort((a, b) => (a.event.id < b.event.id ? -1 : 1))
        .map((v) => [v.event.id, v.event.communityCode, v.event.startAt]),
    );
    expect(await store.count('messages')).toBe(0); // nobody is invited by demo content
    store.close();
  });
});

describe('review history in role words', () => {
  it('names who made each move as 商户, 街道工作人员 or 区商务局, never by account', async () => {
    const store = await seededStore();
    const deps = depsFor(store);
    await store.set(
      'outlets',
      'shop',
      outlet('shop', 116.3745, 39.9075, { ownerOpenid: 'owner-1', status: 'pending' }),
    );
    const move = (id: string, by: string, kind: 'submitted' | 'status', to: 'pending' | 'changes_requested') =>
      store.set('outletReviews', id, {
        id,
        outletId: 'shop',
        from: null,
        to,
        kind,
        by,
        at: FIXED_NOW.toISOString(),
        reason: null,
      });
    await move('h1', 'owner-1', 'submitted', 'pending');
    await move(
      'h2',
      (await store.query('users', { where: { role: 'worker' }, limit: 1 })).items[0].openid,
      'status',
      'changes_requested',
    );
    await move(
      'h3',
      (await store.query('users', { where: { role: 'admin' }, limit: 1 })).items[0].openid,
      'status',
      'pending',
    );
    const { history } = ok(await call(deps, 'reviews.get', { outletId: 'shop' }, { account: 'admin' }));
    expect(Object.fromEntries(history.map((h) => [h.id, h.byRole]))).toEqual({
      h1: '商户',
      h2: '街道工作人员',
      h3: '区商务局',
    });
    store.close();
  });
});

describe('exports a worker can open in WPS or Excel', () => {
  it('sends the attendee list as a valid .xlsx workbook with the same rows as the CSV, text never a formula', async () => {
    const store = await seededStore();
    const deps = depsFor(store);
    const { id } = ok(await call(deps, 'events.create', newEvent(1), worker)).event;
    await store.set('users', 'p1', {
      ...(await store.get('users', 'p1'))!,
      openid: 'p1',
      nickname: '=HYPERLINK("x")',
    } as never);
    ok(await call(deps, 'events.join', { id, phone: '13812341234' }, { openid: 'p1' }));
    ok(await call(deps, 'events.join', { id }, { openid: 'p2' }));
    const out = ok(await call(deps, 'events.export', { id }, worker));
    expect(out.xlsx.filename).toBe('便民服务进社区·磨刀修伞-报名名单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('报名名单');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '昵称',
      '状态',
      '候补位置',
      '签到码',
      '签到时间',
      '报名时间',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell('B2').value).toBe('=HYPERLINK("x")'); // a string cell, not a formula object
    expect(sheet.getCell('C2').value).toBe('已报名');
    expect(sheet.getCell('C3').value).toBe('候补');
    expect(sheet.getCell('D3').value).toBe('1');
    expect(sheet.getCell('E2').value).toMatch(/^\d{7}$/);
    expect(JSON.stringify(out)).not.toMatch(/13812341234|138\*\*\*\*1234|"p1"/);
    store.close();
  });
});
