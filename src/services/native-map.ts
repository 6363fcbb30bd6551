import { PALETTE } from '@/styles/palette';

type Point = readonly [number, number];

/** The marker image, copied as a file into the WeChat build (config/index.ts): the native map needs a path. */
export const MARKER_ICON = '/assets/marker.png';

/** A pin on WeChat's native map. */
export const nativePin = (id: number, [longitude, latitude]: Point, title?: string) => ({
  id,
  longitude,
  latitude,
  ...(title ? { title } : {}),
  width: 24,
  height: 32,
  iconPath: MARKER_ICON,
});

/** The district outline on WeChat's native map (nothing until it has loaded). */
export const nativeOutline = (ring: readonly Point[]) =>
  ring.length
    ? [
        {
          points: ring.map(([longitude, latitude]) => ({ longitude, latitude })),
          strokeWidth: 2,
          strokeColor: PALETTE.primary,
          fillColor: `${PALETTE.primary}10`,
          zIndex: 1,
        },
      ]
    : [];
