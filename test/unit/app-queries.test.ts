/** The app's query cache and page titles, run against a stand-in for Taro's event centre and router. */

const listeners = new Map<string, Set<() => void>>();
const titles: string[] = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    eventCenter: {
      on: (topic: string, fn: () => void) => listeners.set(topic, (listeners.get(topic) ?? new Set()).add(fn)),
      off: (topic: string, fn: () => void) => listeners.get(topic)?.delete(fn),
      trigger: (topic: string) => listeners.get(topic)?.forEach((fn) => fn()),
    },
    setNavigationBarTitle: ({ title }: { title: string }) => {
      titles.push(title);
      return Promise.resolve();
    },
  },
}));

import { cacheKey, cached, forgetAll, invalidate, onInvalidate, remember } from '@/services/queries';
import { safeTitle } from '@/services/navigation';

describe('the query cache', () => {
  beforeEach(() => forgetAll());

  it('drops the answers of the actions a write changed, and keeps the others', () => {
    remember(cacheKey('events.list', '{}'), ['a']);
    remember(cacheKey('events.list', '{"communityCode":"1"}'), ['b']);
    remember(cacheKey('events.mine', '{}'), ['c']);
    remember(cacheKey('geo.streets', '{}'), ['d']);
    invalidate(['events.list', 'events.mine']);
    expect(cached(cacheKey('events.list', '{}'))).toBeUndefined();
    expect(cached(cacheKey('events.list', '{"communityCode":"1"}'))).toBeUndefined();
    expect(cached(cacheKey('events.mine', '{}'))).toBeUndefined();
    expect(cached(cacheKey('geo.streets', '{}'))).toEqual(['d']);
  });

  it('does not mistake one action for another whose name starts the same', () => {
    remember(cacheKey('surveys.list', '{}'), ['x']);
    invalidate(['surveys.li' as 'surveys.list']);
    expect(cached(cacheKey('surveys.list', '{}'))).toEqual(['x']);
  });

  it('tells the readers of a changed action to reload, and only them, until they stop listening', () => {
    const reloads: string[] = [];
    const stopEvents = onInvalidate('events.list', () => reloads.push('events'));
    onInvalidate('geo.streets', () => reloads.push('streets'));
    invalidate(['events.list']);
    expect(reloads).toEqual(['events']);
    stopEvents();
    invalidate(['events.list']);
    expect(reloads).toEqual(['events']);
  });
});

describe('page titles from names people typed', () => {
  it('turn markup characters into readable full-width ones for the browser, which writes titles as HTML', () => {
    expect(safeTitle('<img src=x onerror=alert(1)>老王早点 & 豆浆')).toBe(
      '＜img src=x onerror=alert(1)＞老王早点 ＆ 豆浆',
    );
    expect(safeTitle('西四北大街便民店')).toBe('西四北大街便民店');
  });
});
