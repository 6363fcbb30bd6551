import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { RouteName } from '@/constants/routes';
import { routeUrl } from '@/constants/routes';
import { routeQuery } from '@/services/navigation';

/** The pages people share, and their card image (drawn by scripts/share-images.ts, copied into the WeChat build). */
export const SHARE_IMAGES = {
  event: '/assets/share/event.png',
  survey: '/assets/share/survey.png',
  outlet: '/assets/share/outlet.png',
  circle: '/assets/share/circle.png',
} as const satisfies Partial<Record<RouteName, string>>;

/**
 * Makes a page shareable in WeChat: to a chat (the page with its id, so the card opens it, and the kind's card
 * image) and to 朋友圈. The page config must also set `enableShareAppMessage` / `enableShareTimeline`. `title` is
 * what the card says.
 */
export function useShare(title: string, name: keyof typeof SHARE_IMAGES, params: Record<string, string>): void {
  const imageUrl = SHARE_IMAGES[name];
  useShareAppMessage(() => ({ title, path: routeUrl(name, params), imageUrl }));
  useShareTimeline(() => ({ title, query: routeQuery(params), imageUrl }));
}
