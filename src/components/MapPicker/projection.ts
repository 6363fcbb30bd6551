import type { LngLat } from '@/services/coords';

/** A drawn map's view: its centre and how many metres one map unit covers (equirectangular: fine for a district). */
export interface MapView {
  centre: LngLat;
  metresPerUnit: number;
}

const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LNG = 111_320;
/** Zoomed in around a chosen point: about 1.2 km across, so that a tap lands within a few metres. */
const NEAR_SPAN_M = 1200;

/** The whole outline (with a margin), or the neighbourhood of a point when one is given. */
export function mapView(ring: readonly (readonly [number, number])[], near: LngLat | null, size = 600): MapView {
  if (near) return { centre: near, metresPerUnit: NEAR_SPAN_M / size };
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const centre = { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
  const k = Math.cos((centre.lat * Math.PI) / 180);
  const spanX = (Math.max(...lngs) - Math.min(...lngs)) * M_PER_DEG_LNG * k;
  const spanY = (Math.max(...lats) - Math.min(...lats)) * M_PER_DEG_LAT;
  return { centre, metresPerUnit: (Math.max(spanX, spanY) * 1.08) / size };
}

export function toXY(view: MapView, p: LngLat, size = 600): [number, number] {
  const k = Math.cos((view.centre.lat * Math.PI) / 180);
  return [
    size / 2 + ((p.lng - view.centre.lng) * M_PER_DEG_LNG * k) / view.metresPerUnit,
    size / 2 - ((p.lat - view.centre.lat) * M_PER_DEG_LAT) / view.metresPerUnit,
  ];
}

export function toLngLat(view: MapView, x: number, y: number, size = 600): LngLat {
  const k = Math.cos((view.centre.lat * Math.PI) / 180);
  return {
    lng: view.centre.lng + ((x - size / 2) * view.metresPerUnit) / (M_PER_DEG_LNG * k),
    lat: view.centre.lat - ((y - size / 2) * view.metresPerUnit) / M_PER_DEG_LAT,
  };
}
