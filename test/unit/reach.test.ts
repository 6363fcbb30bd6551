import { Geodesic } from 'geographiclib-geodesic';
import { displayMinutes, metersBetween, reachMeters, walkingMinutes } from '../../cloudfunctions/core/reach';

/** The WGS-84 ellipsoid distance (Karney's geodesic), independent of the product's haversine. */
const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;

describe('walking distance and minutes', () => {
  it('measures one degree of latitude as π/180 of the mean earth radius (111,195.08 m)', () => {
    // 6,371,008.8 m × π / 180 = 111,195.08 m, worked out by hand.
    expect(metersBetween([116.37, 39.5], [116.37, 40.5])).toBeCloseTo(111_195.08, 1);
    // Along the equator, one degree of longitude is the same arc.
    expect(metersBetween([0, 0], [1, 0])).toBeCloseTo(111_195.08, 1);
  });

  it('agrees with the ellipsoidal geodesic within 0.3 % across Xicheng and at city scale', () => {
    const pairs: [[number, number], [number, number]][] = [
      [
        [116.366558, 39.940252],
        [116.3725, 39.8935],
      ], // 新街口 → 陶然亭, ≈ 5 km
      [
        [116.3745, 39.9075],
        [116.3795, 39.9075],
      ], // 500 m due east
      [
        [116.3745, 39.9075],
        [116.3745, 39.9135],
      ], // 667 m due north
      [
        [116.3, 39.85],
        [116.45, 39.98],
      ], // across the city, ≈ 19 km
    ];
    for (const [a, b] of pairs) {
      const ours = metersBetween(a, b);
      const reference = geodesic(a, b);
      expect(Math.abs(ours - reference) / reference).toBeLessThan(0.003);
    }
  });

  it('turns distance into minutes with 80 m a minute and a 1.2 detour: 10 minutes ≈ 667 m', () => {
    expect(reachMeters(15)).toBeCloseTo(1000, 6);
    expect(reachMeters(10)).toBeCloseTo(666.667, 2);
    expect(reachMeters(8)).toBeCloseTo(533.333, 2);
    expect(walkingMinutes(1000)).toBeCloseTo(15, 6);
    expect(displayMinutes(10)).toBe(1);
    expect(displayMinutes(667)).toBe(10);
  });
});
