import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { routeUrl } from '@/constants/routes';
import { SHARE_IMAGES } from '@/constants/share';
import { routeQuery } from '@/services/navigation';

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
