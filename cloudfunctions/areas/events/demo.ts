import type { CategoryId, Community, CommunityEvent, EventTheme } from '../../../types';
import { pick, seededRandom } from '../../core/random';
import { readAll, type Store } from '../../store/port';

/** What the demo events are about: a believable spread of themes, sizes and services. */
const DEMO_EVENTS: { title: string; theme: EventTheme; capacity: number; categories: CategoryId[]; text: string }[] = [
  {
    title: '便民服务进社区：理发与小修',
    theme: '便民服务',
    capacity: 40,
    categories: ['hair', 'repair'],
    text: '理发师傅和维修师傅到社区现场服务：理发、修鞋、配钥匙、小家电检修。',
  },
  {
    title: '老年人健康讲座与义诊',
    theme: '养老为老',
    capacity: 60,
    categories: [],
    text: '社区卫生服务站医生讲解冬季常见病预防，现场测血压、血糖。',
  },
  {
    title: '新鲜蔬菜直通车',
    theme: '地区帮扶',
    capacity: 120,
    categories: ['vegetables'],
    text: '对口帮扶地区的蔬菜和农产品进社区，平价供应。',
  },
  {
    title: '家政服务体验日',
    theme: '便民服务',
    capacity: 6,
    categories: ['housekeeping'],
    text: '家政企业现场介绍保洁、养老护理服务，名额少，可报名候补。',
  },
  {
    title: '社区书法与剪纸课',
    theme: '文化健康',
    capacity: 20,
    categories: [],
    text: '老师现场教学，材料由社区提供。',
  },
];

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/**
 * A few upcoming demo events (marked demo, shown as 演示数据) in located communities of different streets, from a
 * seed, so every fresh data folder shows the same ones relative to when it was made. Ids are fixed: seeding twice
 * writes the same documents.
 */
export function demoEvents(communities: readonly Community[], now: Date, seed = 7): CommunityEvent[] {
  const rand = seededRandom(seed);
  const located = communities.filter((c) => c.location);
  const streets = [...new Set(located.map((c) => c.streetCode))];
  const at = now.toISOString();
  return DEMO_EVENTS.flatMap((d, i) => {
    const street = streets[(i * 3) % streets.length];
    const inStreet = located.filter((c) => c.streetCode === street);
    if (!street || inStreet.length === 0) return [];
    const c = pick(rand, inStreet);
    // Beijing 09:30 (01:30 UTC) on a day 2–12 days ahead; two hours long; sign-up closes the evening before.
    const day = Math.floor(now.getTime() / DAY) * DAY + (2 + i * 2 + Math.floor(rand() * 2)) * DAY;
    const start = day + 1.5 * HOUR;
    return [
      {
        id: `demo-ev-${i + 1}`,
        title: d.title,
        theme: d.theme,
        streetCode: c.streetCode,
        communityCode: c.code,
        circleId: c.circleId ?? null,
        placeName: `${c.name}社区活动室`,
        location: c.location!,
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * HOUR).toISOString(),
        deadline: new Date(start - 14 * HOUR).toISOString(),
        capacity: d.capacity,
        description: d.text,
        coverImage: null,
        outletIds: [],
        categories: d.categories,
        status: 'open',
        confirmedCount: 0,
        checkedInCount: 0,
        seatSeq: 0,
        createdBy: 'demo',
        createdAt: at,
        updatedAt: at,
        demo: true,
      },
    ];
  });
}

/** Writes the demo events into a fresh store (called once when a data folder is first seeded, after its circles). */
export async function seedDemoEvents(store: Store, now: Date): Promise<number> {
  const events = demoEvents(await readAll(store, 'communities', {}), now);
  for (const e of events) await store.set('events', e.id, e);
  return events.length;
}
