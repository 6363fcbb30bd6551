import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { RATE_LIMIT_PER_HOUR, REPORT_THRESHOLD } from '../../cloudfunctions/core/ratings';
import { call, depsFor, errorOf, ok, seededStore } from '../support/harness';
import { outlet } from '../support/outlets';

describe('ratings and reviews', () => {
  let store: SqliteStore;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    store = await seededStore();
    deps = depsFor(store);
    await store.set('outlets', 'shop', outlet('shop', 116.3745, 39.9075, { ownerOpenid: 'owner-1' }));
    await store.set('outlets', 'other-shop', outlet('other-shop', 116.3746, 39.9076, { ownerOpenid: 'owner-2' }));
  });
  afterEach(() => store.close());

  const rate = (who: string, stars: number, text?: string, outletId = 'shop') =>
    call(deps, 'ratings.submit', { outletId, stars, ...(text ? { text } : {}) }, { openid: who });

  it('keeps one rating per person per outlet, the new one replacing the old, with the aggregate in step', async () => {
    ok(await rate('p1', 5, '菜很新鲜'));
    ok(await rate('p2', 3));
    const again = ok(await rate('p1', 2, '今天的菜不太好'));
    expect(again.aggregate).toMatchObject({ count: 2, sum: 5, histogram: [0, 1, 1, 0, 0] });
    expect(await store.count('ratings', { outletId: 'shop' })).toBe(2);
    const list = ok(await call(deps, 'ratings.list', { outletId: 'shop' }));
    expect(list.items.map((r) => r.text)).toContain('今天的菜不太好');
    expect(list.items.every((r) => r.openid === '')).toBe(true); // others never learn who rated
    const detail = ok(await call(deps, 'outlets.get', { id: 'shop' }));
    expect(detail.score).toEqual({ bayes: Math.round(((10 * 3.8 + 5) / 12) * 100) / 100, count: 2 });
    expect(detail.histogram).toEqual([0, 1, 1, 0, 0]);
  });

  it('keys a rating by a hash that does not reveal who rated', async () => {
    const { rating } = ok(await rate('p1', 4, '挺好'));
    expect(rating.id).toMatch(/^shop_[0-9a-f]{24}$/);
    expect(rating.id).not.toContain('p1');
    expect(ok(await rate('p1', 5)).rating.id).toBe(rating.id);
    const [listed] = ok(await call(deps, 'ratings.list', { outletId: 'shop' })).items;
    expect(JSON.stringify(listed)).not.toContain('"p1"');
  });

  it('holds flagged text back from other residents until a worker publishes it', async () => {
    const res = ok(await rate('p1', 1, '老板是傻逼'));
    const shop_p1 = res.rating.id;
    expect(res.moderated).toBe(true);
    expect(ok(await call(deps, 'ratings.list', { outletId: 'shop' })).items).toHaveLength(0);
    expect(ok(await call(deps, 'ratings.mine', { outletId: 'shop' }, { openid: 'p1' }))[0].status).toBe('pending');
    const queue = ok(await call(deps, 'ratings.queue', {}, { account: 'worker-110102001' }));
    expect(queue.map((r) => r.id)).toEqual([shop_p1]);
    expect(queue.every((r) => r.openid === '')).toBe(true);
    expect(
      errorOf(
        await call(
          deps,
          'ratings.moderate',
          { ratingId: shop_p1, decision: 'publish' },
          { account: 'worker-110102003' },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    ok(
      await call(deps, 'ratings.moderate', { ratingId: shop_p1, decision: 'publish' }, { account: 'worker-110102001' }),
    );
    expect(ok(await call(deps, 'ratings.list', { outletId: 'shop' })).items).toHaveLength(1);
  });

  it('refuses a report of a review that waits for moderation', async () => {
    const pending = ok(await rate('p1', 1, '老板是傻逼')).rating.id;
    expect(errorOf(await call(deps, 'ratings.report', { ratingId: pending }, { openid: 'r0' })).code).toBe('NOT_FOUND');
    expect((await store.get('ratings', pending))?.reports).toBe(0);
  });

  it('hides a review after the threshold of reports, counting each person once', async () => {
    const shop_p1 = ok(await rate('p1', 4, '还可以')).rating.id;
    for (let i = 0; i < REPORT_THRESHOLD - 1; i++)
      ok(await call(deps, 'ratings.report', { ratingId: shop_p1 }, { openid: `r${i}` }));
    expect(ok(await call(deps, 'ratings.report', { ratingId: shop_p1 }, { openid: 'r0' })).alreadyReported).toBe(true);
    expect(ok(await call(deps, 'ratings.list', { outletId: 'shop' })).items).toHaveLength(1);
    const last = ok(await call(deps, 'ratings.report', { ratingId: shop_p1 }, { openid: 'r-last' }));
    expect(last).toMatchObject({ hidden: true, reports: REPORT_THRESHOLD });
    expect(ok(await call(deps, 'ratings.list', { outletId: 'shop' })).items).toHaveLength(0);
    expect(errorOf(await call(deps, 'ratings.report', { ratingId: shop_p1 }, { openid: 'p1' })).code).toBe('FORBIDDEN');
  });

  it('lets the owning merchant reply (and edit the reply), and nobody else', async () => {
    const shop_p1 = ok(await rate('p1', 3, '服务一般')).rating.id;
    expect(
      errorOf(await call(deps, 'ratings.reply', { ratingId: shop_p1, text: '谢谢' }, { openid: 'owner-2' })).code,
    ).toBe('FORBIDDEN');
    ok(await call(deps, 'ratings.reply', { ratingId: shop_p1, text: '感谢建议，我们会改进' }, { openid: 'owner-1' }));
    ok(await call(deps, 'ratings.reply', { ratingId: shop_p1, text: '感谢建议，已经改进了' }, { openid: 'owner-1' }));
    expect((await store.get('ratings', shop_p1))?.reply?.text).toBe('感谢建议，已经改进了');
    expect(errorOf(await rate('owner-1', 5)).code).toBe('FORBIDDEN'); // nor rate their own outlet
  });

  it('answers RATE_LIMITED past the hourly limit and writes nothing more', async () => {
    for (let i = 0; i < RATE_LIMIT_PER_HOUR; i++)
      ok(await rate('busy', 1 + (i % 5), undefined, i % 2 ? 'shop' : 'other-shop'));
    const [before] = ok(await call(deps, 'ratings.mine', { outletId: 'shop' }, { openid: 'busy' }));
    expect(errorOf(await rate('busy', 5)).code).toBe('RATE_LIMITED');
    expect(ok(await call(deps, 'ratings.mine', { outletId: 'shop' }, { openid: 'busy' }))).toEqual([before]);
  });

  it('sorts nearby outlets by score when asked', async () => {
    for (let i = 0; i < 5; i++) ok(await rate(`fan${i}`, 5, undefined, 'other-shop'));
    ok(await rate('critic', 1));
    const byScore = ok(await call(deps, 'outlets.nearby', { lng: 116.3745, lat: 39.9075, sort: 'score' }));
    expect(byScore.items.map((v) => v.outlet.id)).toEqual(['other-shop', 'shop']);
    const byDistance = ok(await call(deps, 'outlets.nearby', { lng: 116.3745, lat: 39.9075 }));
    expect(byDistance.items.map((v) => v.outlet.id)).toEqual(['shop', 'other-shop']);
  });
});
