import type { RouteName } from './routes';

/**
 * The pages people share, and their card image (drawn by scripts/share-images.ts into src/assets/share/, which the
 * WeChat build copies to dist/assets/). Read by the build test too, so it must not import Taro.
 */
export const SHARE_IMAGES = {
  event: '/assets/share/event.png',
  survey: '/assets/share/survey.png',
  outlet: '/assets/share/outlet.png',
  circle: '/assets/share/circle.png',
  guideline: '/assets/share/guideline.png',
} as const satisfies Partial<Record<RouteName, string>>;
