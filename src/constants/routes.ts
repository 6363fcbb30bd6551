/** Every page route, named once: app.config.ts lists them and navigation uses them. */
export const ROUTES = {
  home: 'pages/index/index',
  street: 'pages/street/index',
  community: 'pages/community/index',
  mine: 'pages/mine/index',
  nearby: 'pages/nearby/index',
  outlet: 'pages/outlet/index',
} as const;

export type RouteName = keyof typeof ROUTES;

/** A URL for `Taro.navigateTo`, with its query. */
export function routeUrl(name: RouteName, params: Record<string, string> = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${ROUTES[name]}${query ? `?${query}` : ''}`;
}
