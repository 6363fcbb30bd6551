/**
 * Reach: from straight-line distance to walking minutes. Until a walking network is loaded, minutes are derived
 * from the straight-line (great-circle) distance with two constants:
 *
 * - `walkingSpeed`: 80 m per minute (4.8 km/h), an ordinary adult pace;
 * - `detourFactor`: 1.2, how much longer a walk on streets is than the straight line.
 *
 * Together they make 15 minutes ≈ 1,000 m of straight line, as the national guide defines the 15-minute
 * circle; a 10-minute circle is then ≈ 667 m and an 8-minute one ≈ 533 m. Every screen and computation that
 * speaks of minutes uses these functions.
 */
export interface ReachConstants {
  /** Metres walked per minute. */
  walkingSpeed: number;
  /** Walked distance ÷ straight-line distance. */
  detourFactor: number;
}

export const REACH: ReachConstants = { walkingSpeed: 80, detourFactor: 1.2 };

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two `[lng, lat]` points (haversine). */
export function metersBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Walking minutes for a straight-line distance. */
export function walkingMinutes(straightMeters: number, c: ReachConstants = REACH): number {
  return (straightMeters * c.detourFactor) / c.walkingSpeed;
}

/** The straight-line distance reachable in `minutes` of walking. */
export function reachMeters(minutes: number, c: ReachConstants = REACH): number {
  return (minutes * c.walkingSpeed) / c.detourFactor;
}

/** Whole minutes as shown to people: at least 1. */
export function displayMinutes(straightMeters: number, c: ReachConstants = REACH): number {
  return Math.max(1, Math.round(walkingMinutes(straightMeters, c)));
}

/**
 * Degrees of longitude and latitude per metre near a latitude (a local flat approximation, good to a few
 * kilometres): for grids and offsets.
 */
export function degreesPerMeter(lat: number): { lng: number; lat: number } {
  return { lng: 1 / (111_320 * Math.cos(rad(lat))), lat: 1 / 110_540 };
}

/**
 * A box around a point that contains every point within `meters` of it (for a spatial index). It is made a
 * little larger than needed — longitude measured at the box's poleward edge, plus a margin — because an index
 * may store coordinates rounded (SQLite's R*Tree keeps 32-bit floats); exact distances are checked afterwards.
 */
export function boxAround(center: readonly [number, number], meters: number): [number, number, number, number] {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI) * 1.001 + 1e-5;
  const poleward = Math.min(89, Math.abs(center[1]) + dLat);
  const dLng = ((meters / EARTH_RADIUS_M) * (180 / Math.PI) * 1.001) / Math.cos(rad(poleward)) + 1e-5;
  return [center[0] - dLng, center[1] - dLat, center[0] + dLng, center[1] + dLat];
}
