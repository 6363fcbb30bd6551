import { Geodesic } from 'geographiclib-geodesic';
import { wgs84ToGcj02 } from '../../src/services/coords';

/**
 * Published reference pairs (WGS-84 → GCJ-02), the test vectors of the eviltransform implementations
 * (github.com/googollee/eviltransform, go/transform_test.go and js/test.js; the same three pairs are used by
 * its C, Java, Swift and Haskell ports): [wgsLat, wgsLng, gcjLat, gcjLng].
 */
const VECTORS: [string, number, number, number, number][] = [
  ['上海', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  ['深圳', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  ['北京', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
];

const metres = (lat1: number, lng1: number, lat2: number, lng2: number) =>
  Geodesic.WGS84.Inverse(lat1, lng1, lat2, lng2).s12 as number;

describe('WGS-84 to GCJ-02 (a browser position to our maps)', () => {
  it.each(VECTORS)('matches the published pair for %s within 1 m', (_city, wLat, wLng, gLat, gLng) => {
    const g = wgs84ToGcj02({ lng: wLng, lat: wLat });
    expect(metres(g.lat, g.lng, gLat, gLng)).toBeLessThan(1);
  });

  it('really moves the point (hundreds of metres in Beijing), so skipping it would fail', () => {
    const [, wLat, wLng] = VECTORS[2];
    const g = wgs84ToGcj02({ lng: wLng, lat: wLat });
    expect(metres(g.lat, g.lng, wLat, wLng)).toBeGreaterThan(300);
  });
});
