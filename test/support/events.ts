import type { Req } from '../../types';

/** A street worker's event in 西长安街街道 on Sunday 6 December 2026, 09:00–12:00; override what a test is about. */
export function eventInput(overrides: Partial<Req<'events.create'>> = {}): Req<'events.create'> {
  return {
    title: '便民服务日',
    theme: '便民服务',
    streetCode: '110102001',
    placeName: '市民活动中心',
    lng: 116.3745,
    lat: 39.9075,
    startAt: '2026-12-06T09:00:00+08:00',
    endAt: '2026-12-06T12:00:00+08:00',
    deadline: '2026-12-05T20:00:00+08:00',
    capacity: 10,
    ...overrides,
  };
}
