import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import type { Req, WeeklyHours } from '../../types';
import { call, depsFor, errorOf, FIXED_NOW, ok, seededStore } from '../support/harness';

const CODE = '91350100M000100Y43';
const FILE = 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
/** Weekdays 07:00–20:00, Saturday a lunch break, Sunday closed, Friday past midnight. */
const WEEK: WeeklyHours = {
  week: [
    [['07:00', '20:00']],
    [['07:00', '20:00']],
    [['07:00', '20:00']],
    [['07:00', '20:00']],
    [['18:00', '02:00']],
    [
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ],
    [],
  ],
  holidayNote: null,
};
const outlet = (over: Partial<Req<'merchants.register'>['outlets'][number]> = {}) => ({
  name: '西单便民菜店',
  address: '西城区西单北大街 1 号',
  lng: 116.3745,
  lat: 39.9075,
  streetCode: '110102001',
  categories: ['vegetables' as const],
  hours: WEEK,
  ...over,
});
const registration = (over: Partial<Req<'merchants.register'>> = {}): Req<'merchants.register'> => ({
  creditCode: CODE,
  legalName: '北京西单便民服务有限公司',
  contactName: '王经理',
  contactPhone: '010-66000000',
  licenseFile: FILE,
  outlets: [outlet()],
  ...over,
});
/** What no person should ever read: code paths, field names, schema words. */
const JARGON = /[a-z]+\.[0-9]+\.|creditCode|string >=|outlets|hours/;

describe('merchant places and hours', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  const merchant = { openid: 'merchant-a' };
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
    await store.set('files', FILE, {
      id: FILE,
      owner: 'merchant-a',
      mime: 'image/png',
      size: 100,
      createdAt: FIXED_NOW.toISOString(),
    });
  });
  afterEach(() => store.close());

  it('stores the hours editor week as given, including a lunch break and a range past midnight', async () => {
    const res = ok(await call(deps, 'merchants.register', registration(), merchant));
    const saved = await store.get('outlets', res.outlets[0].id);
    expect(saved?.hours.week).toEqual(WEEK.week);
  });

  it('refuses overlapping ranges on one day, naming the day in Chinese', async () => {
    const bad: WeeklyHours = {
      week: [
        [
          ['07:00', '12:00'],
          ['11:00', '14:00'],
        ],
        [],
        [],
        [],
        [],
        [],
        [],
      ],
      holidayNote: null,
    };
    const err = errorOf(
      await call(deps, 'merchants.register', registration({ outlets: [outlet({ hours: bad })] }), merchant),
    );
    expect(err.message).toBe('周一的时间段有重叠');
    expect(err.field).toBe('outlets.0.hours');
    expect(await store.count('outlets')).toBe(0);
  });

  it('reports every wrong field at once, each message free of code paths and schema words', async () => {
    const err = errorOf(
      await call(
        deps,
        'merchants.register',
        {
          ...registration(),
          creditCode: '123',
          contactName: '',
          outlets: [outlet({ name: 'x', hours: '' as unknown as WeeklyHours, categories: [] })],
        },
        merchant,
      ),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(
      ['contactName', 'creditCode', 'outlets.0.categories', 'outlets.0.hours', 'outlets.0.name'].sort(),
    );
    for (const message of [err.message, ...Object.values(err.fields ?? {})]) expect(message).not.toMatch(JARGON);
    expect(err.fields?.['outlets.0.hours']).toBe('请设置营业时间');
  });

  it('adds an outlet to a licence the merchant holds without the licence again, waiting for review', async () => {
    const first = ok(await call(deps, 'merchants.register', registration(), merchant));
    const more = ok(
      await call(
        deps,
        'merchants.addOutlets',
        { businessId: first.business.id, outlets: [outlet({ name: '西单便民菜店二店', lng: 116.3702, lat: 39.9121 })] },
        merchant,
      ),
    );
    expect(more.outlets.map((o) => [o.id, o.status, o.businessId])).toEqual([
      [`m-${CODE}-02`, 'pending', first.business.id],
    ]);
    expect(more.business.licenseFile).toBe(FILE);
    const queue = ok(await call(deps, 'reviews.queue', { streetCode: '110102001' }, { account: 'worker-110102001' }));
    expect(queue.items.map((i) => i.outlet.name)).toContain('西单便民菜店二店');
  });

  it("does not add outlets under another account's licence, and writes nothing", async () => {
    const first = ok(await call(deps, 'merchants.register', registration(), merchant));
    const err = errorOf(
      await call(deps, 'merchants.addOutlets', { businessId: first.business.id, outlets: [outlet()] }, { openid: 'x' }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(await store.count('outlets')).toBe(1);
  });

  it('refuses a point outside the district with a message a person understands', async () => {
    const err = errorOf(
      await call(
        deps,
        'merchants.register',
        registration({ outlets: [outlet({ lng: 116.45, lat: 39.92 })] }),
        merchant,
      ),
    );
    expect(err.code).toBe('OUTSIDE_DISTRICT');
    expect(err.message).toContain('不在西城区范围内');
    expect(err.field).toBe('outlets.0.lng');
  });

  it('applies edited hours from the editor at once, and leaves hours alone when not sent', async () => {
    const first = ok(await call(deps, 'merchants.register', registration(), merchant));
    const id = first.outlets[0].id;
    const allDay: WeeklyHours = { week: WEEK.week.map(() => [['00:00', '24:00']]), holidayNote: '春节休息' };
    ok(await call(deps, 'merchants.updateOutlet', { id, hours: allDay }, merchant));
    expect((await store.get('outlets', id))?.hours).toEqual(allDay);
    ok(await call(deps, 'merchants.updateOutlet', { id, phone: '010-66000009' }, merchant));
    expect((await store.get('outlets', id))?.hours).toEqual(allDay);
  });
});
