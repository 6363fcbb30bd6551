import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import type { Req } from '../../types';
import { call, callRaw, depsFor, errorOf, FIXED_NOW, ok, seededStore } from '../support/harness';

const CODE = '91350100M000100Y43';
const OTHER_CODE = '91110000600037341L';

function registration(overrides: Partial<Req<'merchants.register'>> = {}): Req<'merchants.register'> {
  return {
    creditCode: CODE,
    legalName: '北京西单便民服务有限公司',
    contactName: '王经理',
    contactPhone: '010-66000000',
    licenseFile: 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    outlets: [
      {
        name: '西单便民菜店',
        address: '西城区西单北大街 1 号',
        lng: 116.3745,
        lat: 39.9075,
        streetCode: '110102001',
        categories: ['vegetables'],
        hours: 'daily 07:00-20:00',
      },
      {
        name: '西单早点铺',
        address: '西城区西单北大街 3 号',
        lng: 116.3748,
        lat: 39.9078,
        streetCode: '110102001',
        categories: ['breakfast'],
        hours: 'daily 06:00-10:00',
      },
    ],
    ...overrides,
  };
}

describe('merchants and outlet review', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  const merchant = { openid: 'merchant-a' };
  const reviewer = { account: 'worker-110102001' };
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
    for (const [owner, id] of [
      ['merchant-a', 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      ['merchant-b', 'file-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'],
    ])
      await store.set('files', id, { id, owner, mime: 'image/png', size: 100, createdAt: FIXED_NOW.toISOString() });
  });
  afterEach(() => store.close());

  it('refuses a wrong check character naming the credit code, and writes nothing', async () => {
    const err = errorOf(
      await call(deps, 'merchants.register', registration({ creditCode: '91350100M000100Y44' }), merchant),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.field).toBe('creditCode');
    expect(err.message).toContain('校验位');
    expect(await store.count('businesses')).toBe(0);
    expect(await store.count('outlets')).toBe(0);
    expect(await store.get('users', 'merchant-a')).toBeNull(); // input is checked before anything else runs
  });

  it('registers one licence with two outlets, all pending, and makes the caller a merchant', async () => {
    const res = ok(await call(deps, 'merchants.register', registration(), merchant));
    expect(res.business).toMatchObject({ id: `biz-${CODE}`, ownerOpenid: 'merchant-a' });
    expect(res.outlets.map((o) => [o.id, o.status])).toEqual([
      [`m-${CODE}-01`, 'pending'],
      [`m-${CODE}-02`, 'pending'],
    ]);
    expect((await store.get('users', 'merchant-a'))?.role).toBe('merchant');
    // 一照多址: more outlets under the same licence are added, numbered on.
    const more = ok(
      await call(deps, 'merchants.register', registration({ outlets: [registration().outlets[0]] }), merchant),
    );
    expect(more.outlets[0].id).toBe(`m-${CODE}-03`);
    // Another account cannot take the licence.
    expect(
      errorOf(
        await call(deps, 'merchants.register', registration({ licenseFile: 'file-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }), {
          openid: 'merchant-b',
        }),
      ).code,
    ).toBe('CONFLICT');
    expect(await store.count('outlets')).toBe(3);
  });

  it('needs a licence image the caller uploaded', async () => {
    const err = errorOf(
      await call(
        deps,
        'merchants.register',
        registration({ licenseFile: 'file-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }),
        merchant,
      ),
    );
    expect(err).toMatchObject({ code: 'INVALID_INPUT' });
    expect(err.field).toBe('licenseFile');
  });

  it('accepts a cloud licence file only from the caller’s own folder', async () => {
    const someoneElses = 'cloud://env-1.bucket/licences/oOtherPerson/licence.jpg';
    const err = errorOf(await call(deps, 'merchants.register', registration({ licenseFile: someoneElses }), merchant));
    expect(err).toMatchObject({ code: 'INVALID_INPUT', field: 'licenseFile' });
    const sneaky = 'cloud://env-1.bucket/licences/merchant-a/../oOtherPerson/licence.jpg';
    expect(errorOf(await call(deps, 'merchants.register', registration({ licenseFile: sneaky }), merchant)).code).toBe(
      'INVALID_INPUT',
    );
    expect(await store.count('businesses')).toBe(0);
    const own = 'cloud://env-1.bucket/licences/merchant-a/1700000000-licence.jpg';
    expect(
      ok(await call(deps, 'merchants.register', registration({ licenseFile: own }), merchant)).outlets,
    ).toHaveLength(2);
  });

  it('keeps merchants out of each other’s businesses, outlets and licence images', async () => {
    ok(await call(deps, 'merchants.register', registration(), merchant));
    ok(
      await call(
        deps,
        'merchants.register',
        registration({ creditCode: OTHER_CODE, licenseFile: 'file-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }),
        { openid: 'merchant-b' },
      ),
    );
    const bMine = ok(await call(deps, 'merchants.mine', {}, { openid: 'merchant-b' }));
    expect(bMine.businesses.map((b) => b.creditCode)).toEqual([OTHER_CODE]);
    expect(bMine.outlets.every((o) => o.outlet.ownerOpenid === 'merchant-b')).toBe(true);
    expect(
      errorOf(
        await call(deps, 'merchants.updateOutlet', { id: `m-${CODE}-01`, hours: '24h' }, { openid: 'merchant-b' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        await call(deps, 'files.url', { fileId: 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, { openid: 'merchant-b' }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      ok(await call(deps, 'files.url', { fileId: 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, merchant)).url,
    ).toBeTruthy();
    expect(
      ok(await call(deps, 'files.url', { fileId: 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, reviewer)).url,
    ).toBeTruthy();
    expect(
      errorOf(
        await call(
          deps,
          'files.url',
          { fileId: 'file-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
          { account: 'worker-110102003' },
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('lets only a worker of the outlet’s street or an admin review', async () => {
    ok(await call(deps, 'merchants.register', registration(), merchant));
    const id = `m-${CODE}-01`;
    expect(
      errorOf(
        await call(deps, 'reviews.decide', { outletId: id, decision: 'approve' }, { account: 'worker-110102003' }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await call(deps, 'reviews.decide', { outletId: id, decision: 'approve' }, { account: 'resident' })).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await call(deps, 'reviews.decide', { outletId: id, decision: 'approve' }, merchant)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await call(deps, 'reviews.queue', {}, { account: 'resident' })).code).toBe('FORBIDDEN');
    const queue = ok(await call(deps, 'reviews.queue', {}, reviewer));
    expect(queue.items.map((i) => i.outlet.id)).toEqual([`m-${CODE}-01`, `m-${CODE}-02`]);
    expect(ok(await call(deps, 'reviews.queue', {}, { account: 'worker-110102003' })).items).toHaveLength(0);
    expect((await store.get('outlets', id))?.status).toBe('pending');
  });

  it('refuses illegal transitions and records every legal one', async () => {
    ok(await call(deps, 'merchants.register', registration(), merchant));
    const id = `m-${CODE}-01`;
    expect(errorOf(await call(deps, 'reviews.decide', { outletId: id, decision: 'reject' }, reviewer)).code).toBe(
      'INVALID_INPUT',
    ); // no reason
    ok(
      await call(
        deps,
        'reviews.decide',
        { outletId: id, decision: 'requestChanges', reason: '请补充门头照片' },
        reviewer,
      ),
    );
    expect(errorOf(await call(deps, 'reviews.decide', { outletId: id, decision: 'reinstate' }, reviewer)).code).toBe(
      'CONFLICT',
    );
    const mine = ok(await call(deps, 'merchants.mine', {}, merchant)).outlets.find((o) => o.outlet.id === id)!;
    expect(mine).toMatchObject({ statusName: '需修改', outlet: { reviewNote: '请补充门头照片' } });
    ok(await call(deps, 'merchants.updateOutlet', { id, address: '西城区西单北大街 1 号（东侧）' }, merchant)); // resubmits
    ok(await call(deps, 'reviews.decide', { outletId: id, decision: 'approve' }, reviewer));
    expect(errorOf(await call(deps, 'reviews.decide', { outletId: id, decision: 'approve' }, reviewer)).code).toBe(
      'CONFLICT',
    );
    ok(await call(deps, 'reviews.decide', { outletId: id, decision: 'suspend', reason: '投诉核查中' }, reviewer));
    ok(await call(deps, 'reviews.decide', { outletId: id, decision: 'reinstate' }, reviewer));
    const history = ok(await call(deps, 'reviews.get', { outletId: id }, reviewer)).history;
    expect(history.map((h) => [h.from, h.to, h.kind])).toEqual([
      [null, 'pending', 'submitted'],
      ['pending', 'changes_requested', 'status'],
      ['changes_requested', 'pending', 'status'],
      ['pending', 'approved', 'status'],
      ['approved', 'suspended', 'status'],
      ['suspended', 'approved', 'status'],
    ]);
    expect(history.every((h) => h.by && h.at)).toBe(true);
    expect(history[1].reason).toBe('请补充门头照片');
  });

  it('shows residents only approved outlets, keeps the approved version visible while an edit waits, applies hours at once', async () => {
    ok(await call(deps, 'merchants.register', registration(), merchant));
    const [a, b] = [`m-${CODE}-01`, `m-${CODE}-02`];
    ok(await call(deps, 'reviews.decide', { outletId: a, decision: 'approve' }, reviewer));
    const near = ok(await call(deps, 'outlets.nearby', { lng: 116.3745, lat: 39.9075 }));
    expect(near.items.map((v) => v.outlet.id)).toContain(a);
    expect(near.items.map((v) => v.outlet.id)).not.toContain(b);
    expect(errorOf(await call(deps, 'outlets.get', { id: b })).code).toBe('NOT_FOUND');

    ok(await call(deps, 'merchants.updateOutlet', { id: a, name: '西单鲜菜铺', hours: '24h' }, merchant));
    const shown = ok(await call(deps, 'outlets.get', { id: a }));
    expect(shown.outlet.name).toBe('西单便民菜店'); // the approved name until the change is approved
    expect(shown.allDay).toBe(true); // hours apply at once
    expect(
      ok(await call(deps, 'reviews.queue', {}, reviewer))
        .items.map((i) => i.outlet.id)
        .sort(),
    ).toEqual([a, b]);
    ok(await call(deps, 'reviews.decide', { outletId: a, decision: 'approve' }, reviewer));
    expect(ok(await call(deps, 'outlets.get', { id: a })).outlet.name).toBe('西单鲜菜铺');

    ok(await call(deps, 'merchants.setClosed', { id: a, closed: true }, merchant));
    const closed = ok(await call(deps, 'outlets.get', { id: a }));
    expect(closed).toMatchObject({ openNow: false, todayHours: '暂停营业' });
  });

  it('ignores an owner or role in the payload', async () => {
    ok(
      await callRaw(
        deps,
        'merchants.register',
        { ...registration(), ownerOpenid: 'merchant-b', role: 'admin' },
        merchant,
      ),
    );
    expect((await store.get('businesses', `biz-${CODE}`))?.ownerOpenid).toBe('merchant-a');
    expect((await store.get('users', 'merchant-a'))?.role).toBe('merchant');
  });
});
