import type { GeoPoint } from '../../types';

/** A GeoJSON Polygon or MultiPolygon, rings of `[lng, lat]`. */
export type Outline =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export function point(lng: number, lat: number): GeoPoint {
  return { type: 'Point', coordinates: [lng, lat] };
}

/** Ray casting on one ring; points exactly on an edge may fall either way, which is fine at metre scale. */
function inRing(lng: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
function inPolygon(lng: number, lat: number, rings: number[][][]): boolean {
  if (rings.length === 0 || !inRing(lng, lat, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(lng, lat, rings[h])) return false;
  return true;
}

export interface Region {
  outline: Outline;
  bbox: [minLng: number, minLat: number, maxLng: number, maxLat: number];
}

/** Prepares an outline for repeated tests (its bounding box answers most far-away points at once). */
export function region(outline: Outline): Region {
  const polys = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const poly of polys)
    for (const [lng, lat] of poly[0]) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  return { outline, bbox: [minLng, minLat, maxLng, maxLat] };
}

export function contains(r: Region, lng: number, lat: number): boolean {
  const [minLng, minLat, maxLng, maxLat] = r.bbox;
  if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat) return false;
  const polys = r.outline.type === 'Polygon' ? [r.outline.coordinates] : r.outline.coordinates;
  return polys.some((rings) => inPolygon(lng, lat, rings));
}
