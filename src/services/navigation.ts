import Taro from '@tarojs/taro';
import { ROUTES, routeUrl, TAB_ROUTES, type RouteName } from '@/constants/routes';

/** Opens a page: a tab by switching to it, any other page by pushing it with its query. */
export function go(name: RouteName, params: Record<string, string> = {}): void {
  if ((TAB_ROUTES as readonly string[]).includes(name)) void Taro.switchTab({ url: `/${ROUTES[name]}` });
  else void Taro.navigateTo({ url: routeUrl(name, params) });
}

/** Replaces the current page (after a form is done, so that "back" does not return to it). */
export function replace(name: RouteName, params: Record<string, string> = {}): void {
  if ((TAB_ROUTES as readonly string[]).includes(name)) void Taro.switchTab({ url: `/${ROUTES[name]}` });
  else void Taro.redirectTo({ url: routeUrl(name, params) });
}

const AFTER_SIGN_IN = 'xc-after-sign-in';
const RETURN_WITHIN_MS = 10 * 60 * 1000;

/**
 * Goes to 我的 to sign in, remembering the page the person was on (its path and query), so that signing in brings
 * them back there (`returnAfterSignIn`).
 */
export function goSignIn(): void {
  const router = Taro.getCurrentInstance().router;
  if (router?.path) {
    const path = router.path.split('?')[0].replace(/^\//, '');
    const query = Object.entries(router.params ?? {})
      .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$') && k !== 'stamp')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
      .join('&');
    Taro.setStorageSync(AFTER_SIGN_IN, { url: `/${path}${query ? `?${query}` : ''}`, at: Date.now() });
  }
  go('mine');
}

/** After a sign-in: back to the page that asked for it, if any (once). */
export function returnAfterSignIn(): void {
  const saved: unknown = Taro.getStorageSync(AFTER_SIGN_IN);
  if (!saved || typeof saved !== 'object') return;
  Taro.removeStorageSync(AFTER_SIGN_IN);
  const { url, at } = saved as { url?: unknown; at?: unknown };
  // Only a sign-in that follows the tap soon after: a later one, started from 我的 itself, stays there.
  if (typeof url !== 'string' || typeof at !== 'number' || Date.now() - at > RETURN_WITHIN_MS) return;
  const tab = (TAB_ROUTES as readonly RouteName[]).find((t) => url === `/${ROUTES[t]}`);
  // A fresh stack with that page alone (the page left for 我的 may still sit hidden underneath in the browser).
  if (tab) void Taro.switchTab({ url });
  else void Taro.reLaunch({ url });
}

/** Back to the previous page, or home when the page was opened directly (a shared link). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else go('home');
}

/**
 * A title safe for the browser build's navigation bar, which Taro writes as HTML: the characters that make markup
 * become their full-width forms (still readable), so a name typed by a merchant or worker cannot inject any.
 */
export function safeTitle(title: string): string {
  return title.replace(/</g, '＜').replace(/>/g, '＞').replace(/&/g, '＆');
}

/** Sets the page title to a name people typed (an outlet, an event, a circle). */
export function setTitle(title: string): void {
  void Taro.setNavigationBarTitle({ title: process.env.TARO_ENV === 'h5' ? safeTitle(title) : title });
}

/** The number on a tab (my unread messages on 我的); none at 0. A page without the tab bar simply shows none. */
export function setTabBadge(name: (typeof TAB_ROUTES)[number], count: number): void {
  const index = TAB_ROUTES.indexOf(name);
  const done =
    count > 0
      ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index });
  void Promise.resolve(done).catch(() => undefined);
}

/** The query of a page's URL (for a timeline share, which takes the query alone). */
export function routeQuery(params: Record<string, string>): string {
  return routeUrl('home', params).split('?')[1] ?? '';
}

/** The full address of a page in the browser build (hash route with its parameters), for 复制链接. */
export function pageLink(name: RouteName, params: Record<string, string> = {}): string {
  return `${window.location.origin}${window.location.pathname}#${routeUrl(name, params)}`;
}
