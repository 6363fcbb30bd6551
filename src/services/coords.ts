import gcoord from 'gcoord';

/**
 * Coordinates, as pure functions. All our data is GCJ-02 (the system WeChat's maps and Amap use); a browser's
 * geolocation gives WGS-84 (GPS), which is converted before it is used anywhere.
 */
export interface LngLat {
  lng: number;
  lat: number;
}

/** WGS-84 (GPS, a browser's position) to GCJ-02. */
export function wgs84ToGcj02(p: LngLat): LngLat {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lng, lat };
}

/** Whether a point lies inside a ring of `[lng, lat]` vertices (even-odd rule; the ring may be open or closed). */
export function insideRing(p: LngLat, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
