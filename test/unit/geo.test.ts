import { contains, region, type Outline } from '../../cloudfunctions/core/geo';
import { XICHENG } from '../../cloudfunctions/areas/geo';

describe('point in the district outline', () => {
  it('accepts points in Xicheng', () => {
    expect(contains(XICHENG, 116.366558, 39.940252)).toBe(true); // 新街口街道办事处
    expect(contains(XICHENG, 116.3725, 39.8935)).toBe(true); // 陶然亭 area
  });

  it('refuses points in the neighbouring districts and far away', () => {
    expect(contains(XICHENG, 116.4074, 39.9042)).toBe(false); // 东城区, east of 天安门
    expect(contains(XICHENG, 116.31, 39.96)).toBe(false); // 海淀区
    expect(contains(XICHENG, 121.47, 31.23)).toBe(false); // Shanghai
    expect(contains(XICHENG, 0, 0)).toBe(false);
  });

  it('honours holes and multipolygons', () => {
    const square = (x: number, y: number, s: number) => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const withHole = region({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
    expect(contains(withHole, 1, 1)).toBe(true);
    expect(contains(withHole, 5, 5)).toBe(false);
    const multi: Outline = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(contains(region(multi), 5.5, 5.5)).toBe(true);
    expect(contains(region(multi), 3, 3)).toBe(false);
  });
});
