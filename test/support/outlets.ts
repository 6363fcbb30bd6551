import type { Outlet } from '../../types';

/** An approved outlet open every day 08:00–20:00; override what a test is about. */
export function outlet(id: string, lng: number, lat: number, overrides: Partial<Outlet> = {}): Outlet {
  return {
    id,
    name: `测试网点${id}`,
    categories: ['vegetables'],
    location: { type: 'Point', coordinates: [lng, lat] },
    address: '测试地址',
    streetCode: '110102001',
    communityCode: '110102001004',
    hours: { week: Array.from({ length: 7 }, () => [['08:00', '20:00']]), holidayNote: null },
    goods: [],
    services: [],
    payment: ['cash', 'wechatPay'],
    accessible: false,
    brand: null,
    phone: null,
    status: 'approved',
    source: 'census',
    demo: false,
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
    ...overrides,
  };
}

/** A point `east` and `north` metres from `[lng, lat]` (small distances). */
export function offset([lng, lat]: [number, number], east: number, north: number): [number, number] {
  return [lng + east / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + north / 110_540];
}
