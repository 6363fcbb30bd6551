import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { RouteName } from '@/constants/routes';
import { routeUrl } from '@/constants/routes';
import { routeQuery } from '@/services/navigation';

/**
 * Makes a page shareable in WeChat: to a chat (the page with its id, so the card opens it) and to 朋友圈. The page
 * config must also set `enableShareAppMessage` / `enableShareTimeline`. `title` is what the card says.
 */
export function useShare(title: string, name: RouteName, params: Record<string, string>): void {
  useShareAppMessage(() => ({ title, path: routeUrl(name, params) }));
  useShareTimeline(() => ({ title, query: routeQuery(params) }));
}
