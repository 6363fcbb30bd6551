import {
  BASIC_CATEGORIES,
  GOODS,
  PAYMENT_METHODS,
  SERVICES,
  type CategoryId,
  type Community,
  type Outlet,
  type WeeklyHours,
} from '../../../types';
import { contains } from '../../core/geo';
import { parseHours } from '../../core/hours';
import { pick, seededRandom, some } from '../../core/random';
import { degreesPerMeter, metersBetween, reachMeters } from '../../core/reach';
import type { Store } from '../../store/port';
import { XICHENG } from '../geo';

/** Names and usual hours per category, for believable demo outlets. */
const PROFILES: Partial<Record<CategoryId, { names: string[]; hours: string[] }>> = {
  vegetables: { names: ['鲜菜铺', '蔬菜店', '菜篮子便民店'], hours: ['daily 06:30-20:00', 'daily 07:00-19:30'] },
  breakfast: {
    names: ['早点铺', '包子铺', '早餐店'],
    hours: ['daily 06:00-10:30', 'mon-sat 06:30-10:00', 'daily 06:00-10:00,17:00-21:00'],
  },
  convenience: { names: ['便利店', '便民超市', '小卖部'], hours: ['24h', 'daily 07:00-23:00', 'daily 08:00-22:00'] },
  hair: { names: ['理发店', '美发工作室', '社区理发室'], hours: ['daily 09:00-21:00', 'tue-sun 10:00-20:00'] },
  housekeeping: { names: ['家政服务站', '家政便民点'], hours: ['mon-sat 08:30-18:00'] },
  laundry: { names: ['洗衣店', '干洗店', '洗染店'], hours: ['daily 08:00-20:00', 'mon-sat 09:00-19:00'] },
  repair: { names: ['便民修理部', '修鞋配钥匙', '家电维修'], hours: ['daily 09:00-18:00', 'mon-sat 08:30-17:30'] },
  parcel: { names: ['快递驿站', '菜鸟驿站', '快递服务点'], hours: ['daily 08:00-21:00', 'daily 09:00-20:00'] },
  supermarket: { names: ['综合超市'], hours: ['daily 08:00-22:00'] },
  wetMarket: { names: ['菜市场'], hours: ['daily 06:00-19:00'] },
  freshGrocery: { names: ['生鲜超市', '果蔬生鲜店'], hours: ['daily 07:00-21:00'] },
  pharmacy: { names: ['大药房', '社区药店'], hours: ['daily 08:00-22:00', '24h'] },
  photoPrint: { names: ['图文快印', '照相馆'], hours: ['mon-sat 09:00-19:00'] },
  postal: { names: ['邮政所'], hours: ['mon-fri 08:30-17:00; sat 09:00-12:00'] },
  specialtyFood: { names: ['小馆', '夜宵铺'], hours: ['daily 11:00-14:00,17:00-02:00'] },
  teaCoffee: { names: ['咖啡馆', '茶舍'], hours: ['daily 09:00-21:00'] },
  bakery: { names: ['面包房', '糕点铺'], hours: ['daily 07:30-20:00'] },
  elderlyCare: { names: ['养老驿站'], hours: ['daily 08:00-18:00'] },
  fitness: { names: ['健身房'], hours: ['daily 06:00-23:00'] },
  flowers: { names: ['花店'], hours: ['daily 09:00-20:00'] },
  reading: { names: ['社区书房'], hours: ['tue-sun 09:00-20:00'] },
  smartLocker: { names: ['智能快递柜'], hours: ['24h'] },
  vending: { names: ['自动售卖机'], hours: ['24h'] },
};

/** Basic services weigh more, as in a real neighbourhood. */
const WEIGHTED: CategoryId[] = [
  ...BASIC_CATEGORIES.flatMap((c) => [c, c, c]),
  ...(Object.keys(PROFILES) as CategoryId[]).filter(
    (c) => !BASIC_CATEGORIES.includes(c as (typeof BASIC_CATEGORIES)[number]),
  ),
];

const shortName = (c: Community) => c.name.replace(/(社区)?居委会$/, '');

export interface DemoPlan {
  outlets: Outlet[];
  /** The communities left without some basic categories on purpose: community code → missing categories. */
  gaps: Map<string, CategoryId[]>;
}

/**
 * Demo outlets around the located communities, deterministic for a seed. About one community in six is left
 * without one or two basic categories within 10 minutes' walk, so that gaps show. Every outlet is marked demo.
 */
export function demoOutlets(
  communities: Community[],
  count: number,
  seed = 20231,
  now = new Date('2026-01-01T00:00:00Z'),
): DemoPlan {
  const stream = demoOutletStream(communities, count, seed, now);
  return { outlets: [...stream.outlets], gaps: stream.gaps };
}

/**
 * The same outlets one at a time (for a million of them, written as they come instead of held): the gaps at once,
 * the outlets as a single-use sequence.
 */
export function demoOutletStream(
  communities: Community[],
  count: number,
  seed = 20231,
  now = new Date('2026-01-01T00:00:00Z'),
): { gaps: Map<string, CategoryId[]>; outlets: Generator<Outlet> } {
  const rand = seededRandom(seed);
  const located = communities.filter((c) => c.location).sort((a, b) => (a.code < b.code ? -1 : 1));
  const gaps = new Map<string, CategoryId[]>();
  for (const c of located) if (rand() < 1 / 6) gaps.set(c.code, some(rand, BASIC_CATEGORIES, 0.25).slice(0, 2));
  for (const [code, cats] of gaps) if (cats.length === 0) gaps.set(code, [pick(rand, BASIC_CATEGORIES)]);
  // Keep a margin beyond the 10-minute reach so that a gap stays a gap.
  const keepAway = reachMeters(10) + 50;
  const blocked = (cat: CategoryId, p: [number, number]) =>
    located.some((c) => gaps.get(c.code)?.includes(cat) && metersBetween(p, c.location!.coordinates) < keepAway);

  function* outlets(): Generator<Outlet> {
    if (located.length === 0) return;
    let made = 0;
    for (let attempt = 0; made < count && attempt < count * 20; attempt++) {
      const home = pick(rand, located);
      const [lng0, lat0] = home.location!.coordinates;
      const r = 450 * Math.sqrt(rand());
      const a = rand() * 2 * Math.PI;
      const perMeter = degreesPerMeter(lat0);
      const p: [number, number] = [lng0 + r * Math.cos(a) * perMeter.lng, lat0 + r * Math.sin(a) * perMeter.lat];
      p[0] = Number(p[0].toFixed(6));
      p[1] = Number(p[1].toFixed(6));
      if (!contains(XICHENG, p[0], p[1])) continue;
      const primary = pick(rand, WEIGHTED);
      const categories = [primary];
      if (rand() < 0.25) {
        const extra = pick(rand, WEIGHTED);
        if (!categories.includes(extra)) categories.push(extra);
      }
      if (categories.some((c) => blocked(c, p))) continue;
      const profile = PROFILES[primary] ?? { names: ['便民服务点'], hours: ['daily 09:00-18:00'] };
      const hours = parseHours(pick(rand, profile.hours)) as WeeklyHours;
      const i = made++;
      yield {
        id: `demo-${String(i + 1).padStart(5, '0')}`,
        name: `${shortName(home)}${pick(rand, profile.names)}`,
        categories,
        location: { type: 'Point', coordinates: p },
        address: `${home.streetName}${shortName(home)}附近（演示地址）`,
        streetCode: home.streetCode,
        communityCode: home.code,
        hours: rand() < 0.05 ? { ...hours, holidayNote: '春节期间休息' } : hours,
        goods: some(rand, GOODS, 0.12),
        services: some(rand, SERVICES, 0.12),
        payment: PAYMENT_METHODS.filter((m) => m === 'wechatPay' || m === 'cash' || rand() < 0.5),
        accessible: rand() < 0.4,
        brand: rand() < 0.3 ? 'chain' : rand() < 0.2 ? 'timeHonored' : 'specialty',
        phone: null,
        status: rand() < 0.04 ? 'pending' : 'approved',
        source: 'demo',
        demo: true,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
    }
  }
  return { gaps, outlets: outlets() };
}

/**
 * Replaces every demo outlet in the store with the plan's (real outlets are never touched), in transactions of
 * `batch` documents, taking them as they come from a list or a stream (`total` then says how many to expect).
 * Reports progress as (done, total).
 */
export async function writeDemoOutlets(
  store: Store,
  outlets: Outlet[] | Iterable<Outlet>,
  onProgress: (done: number, total: number) => void = () => undefined,
  batch = 50,
  total = Array.isArray(outlets) ? outlets.length : 0,
): Promise<{ removed: number; written: number }> {
  let removed = 0;
  for (;;) {
    const page = await store.query('outlets', { where: { source: 'demo' }, limit: 100 });
    if (page.items.length === 0) break;
    await store.transaction(async (tx) => {
      for (const o of page.items) await tx.remove('outlets', o.id);
    });
    removed += page.items.length;
  }
  let written = 0;
  let slice: Outlet[] = [];
  const flush = async () => {
    const docs = slice;
    slice = [];
    await store.transaction(async (tx) => {
      for (const o of docs) await tx.set('outlets', o.id, o);
    });
    written += docs.length;
    onProgress(written, Math.max(total, written));
  };
  for (const o of outlets) {
    slice.push(o);
    if (slice.length >= batch) await flush();
  }
  if (slice.length) await flush();
  return { removed, written };
}
