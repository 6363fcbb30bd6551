import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { parseHours } from '../../cloudfunctions/core/hours';
import type { WeeklyHours } from '../../types';
import { call, callRaw, depsFor, errorOf, ok, seededStore } from '../support/harness';
import { offset, outlet } from '../support/outlets';

const HOME: [number, number] = [116.3745, 39.9075];
const hours = (t: string) => parseHours(t) as WeeklyHours;

describe('outlets: the resident asks what is near, open and how far', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await seededStore();
    await store.set(
      'outlets',
      'veg',
      outlet('veg', ...offset(HOME, 200, 0), { name: '西单鲜菜铺', categories: ['vegetables'] }),
    );
    await store.set(
      'outlets',
      'night',
      outlet('night', ...offset(HOME, 300, 0), {
        name: '夜宵铺',
        categories: ['specialtyFood'],
        hours: hours('daily 17:00-02:00'),
      }),
    );
    await store.set(
      'outlets',
      'far',
      outlet('far', ...offset(HOME, 900, 0), { name: '远处菜店', categories: ['vegetables'] }),
    );
    await store.set(
      'outlets',
      'pending',
      outlet('pending', ...offset(HOME, 100, 0), { name: '待审菜店', status: 'pending' }),
    );
    await store.set(
      'outlets',
      'other',
      outlet('other', ...offset(HOME, 150, 0), {
        name: '德胜菜店',
        streetCode: '110102010',
        categories: ['vegetables'],
      }),
    );
  });
  afterEach(() => store.close());

  // Saturday 28 November 2026, 23:30 in Beijing.
  const lateEvening = () => new Date('2026-11-28T15:30:00Z');

  it('lists approved outlets within ten minutes, nearest first, with metres and walking minutes', async () => {
    const page = ok(await call(depsFor(store), 'outlets.nearby', { lng: HOME[0], lat: HOME[1] }));
    expect(page.items.map((v) => v.outlet.id)).toEqual(['other', 'veg', 'night']);
    expect(page.items[1]).toMatchObject({ meters: 200, minutes: 3 });
  });

  it('narrows to outlets open at the time asked, evaluated in Beijing time', async () => {
    const deps = depsFor(store, { now: lateEvening });
    const open = ok(await call(deps, 'outlets.nearby', { lng: HOME[0], lat: HOME[1], openAt: 'now' }));
    expect(open.items.map((v) => v.outlet.id)).toEqual(['night']);
    expect(open.items[0]).toMatchObject({ openNow: true, todayHours: '17:00–次日02:00' });
    const morning = ok(
      await call(deps, 'outlets.nearby', { lng: HOME[0], lat: HOME[1], openAt: '2026-11-29T09:00:00+08:00' }),
    );
    expect(morning.items.map((v) => v.outlet.id)).toEqual(['other', 'veg']);
  });

  it('filters by category, and by a wider walk', async () => {
    const deps = depsFor(store);
    const veg = ok(
      await call(deps, 'outlets.nearby', { lng: HOME[0], lat: HOME[1], minutes: 15, categories: ['vegetables'] }),
    );
    expect(veg.items.map((v) => v.outlet.id)).toEqual(['other', 'veg', 'far']);
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const deps = depsFor(store);
    for (const [data, field] of [
      [{ lng: HOME[0], lat: HOME[1], minutes: 0 }, 'minutes'],
      [{ lng: HOME[0], lat: HOME[1], categories: ['spaceships'] }, 'categories'],
      [{ lng: HOME[0], lat: HOME[1], openAt: 'tomorrow' }, 'openAt'],
      [{ lng: 'east', lat: HOME[1] }, 'lng'],
      [{ lng: HOME[0], lat: HOME[1], cursor: 'nonsense' }, 'cursor'],
    ] as const) {
      const err = errorOf(await callRaw(deps, 'outlets.nearby', data));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.field?.split('.')[0]).toBe(field);
      expect(err.message).not.toMatch(/[a-z]+\.[0-9]+|string >=|number >=/);
    }
  });

  it('shows an approved outlet with today and every day of its hours, and hides one not approved', async () => {
    const deps = depsFor(store, { now: lateEvening });
    const detail = ok(await call(deps, 'outlets.get', { id: 'night' }));
    expect(detail).toMatchObject({ openNow: true, todayHours: '17:00–次日02:00', allDay: false });
    expect(detail.week).toHaveLength(7);
    expect(detail.week[0]).toEqual({ day: '周一', hours: '17:00–次日02:00' });
    expect(errorOf(await call(deps, 'outlets.get', { id: 'pending' })).code).toBe('NOT_FOUND');
    expect(errorOf(await call(deps, 'outlets.get', { id: 'nothing' })).code).toBe('NOT_FOUND');
  });

  it('searches approved outlets by name, optionally within a street', async () => {
    const deps = depsFor(store);
    const all = ok(await call(deps, 'outlets.search', { q: '菜' }));
    expect(all.items.map((v) => v.outlet.id).sort()).toEqual(['far', 'other', 'veg']);
    const inStreet = ok(await call(deps, 'outlets.search', { q: '菜', streetCode: '110102010' }));
    expect(inStreet.items.map((v) => v.outlet.id)).toEqual(['other']);
    expect(errorOf(await call(deps, 'outlets.search', { q: '  ' })).code).toBe('INVALID_INPUT');
  });
});
