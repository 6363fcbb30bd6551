/**
 * Every page route, named once: app.config.ts lists them and navigation uses them. This module is also read by
 * the build (app.config.ts), so it must not import Taro.
 */
export const ROUTES = {
  home: 'pages/index/index',
  street: 'pages/street/index',
  community: 'pages/community/index',
  mine: 'pages/mine/index',
  nearby: 'pages/nearby/index',
  outlet: 'pages/outlet/index',
  circles: 'pages/circles/index',
  circle: 'pages/circle/index',
  events: 'pages/events/index',
  event: 'pages/event/index',
  surveys: 'pages/surveys/index',
  survey: 'pages/survey/index',
  demand: 'pages/demand/index',
  messages: 'pages/messages/index',
  surveyNew: 'subpackages/worker/survey-new/index',
  surveyResults: 'subpackages/worker/survey-results/index',
  ratingQueue: 'subpackages/worker/rating-queue/index',
  gaps: 'subpackages/worker/gaps/index',
  eventNew: 'subpackages/worker/event-new/index',
  eventManage: 'subpackages/worker/event-manage/index',
  reviews: 'subpackages/worker/reviews/index',
  review: 'subpackages/worker/review/index',
  dataImport: 'subpackages/worker/data-import/index',
  merchantRegister: 'subpackages/merchant/register/index',
  merchantOutlets: 'subpackages/merchant/outlets/index',
  merchantEdit: 'subpackages/merchant/edit/index',
  sentMessages: 'subpackages/worker/sent-messages/index',
  placeCommunities: 'subpackages/worker/place-communities/index',
  warnings: 'subpackages/worker/warnings/index',
  warning: 'subpackages/worker/warning/index',
  subsidies: 'subpackages/worker/subsidies/index',
  subsidyEdit: 'subpackages/worker/subsidy-edit/index',
  supervision: 'subpackages/worker/supervision/index',
  assessments: 'subpackages/worker/assessments/index',
  planner: 'subpackages/worker/planner/index',
  dashboard: 'subpackages/district/dashboard/index',
  guideline: 'subpackages/district/guideline/index',
  communityLocate: 'subpackages/worker/community-locate/index',
} as const;

/** Pages on the tab bar: reached with switchTab, never with navigateTo. */
export const TAB_ROUTES = ['home', 'circles', 'mine'] as const satisfies readonly RouteName[];

/** The main package's pages, and the worker subpackage's (a subpackage cannot be a tab). */
export const MAIN_PAGES = (
  [
    'home',
    'circles',
    'mine',
    'street',
    'community',
    'nearby',
    'outlet',
    'circle',
    'events',
    'event',
    'surveys',
    'survey',
    'demand',
    'messages',
  ] as const
).map((n) => ROUTES[n]);
export const WORKER_ROOT = 'subpackages/worker';
export const WORKER_PAGES = [
  ROUTES.gaps,
  ROUTES.eventNew,
  ROUTES.eventManage,
  ROUTES.reviews,
  ROUTES.review,
  ROUTES.surveyNew,
  ROUTES.surveyResults,
  ROUTES.ratingQueue,
  ROUTES.dataImport,
  ROUTES.sentMessages,
  ROUTES.placeCommunities,
  ROUTES.warnings,
  ROUTES.warning,
  ROUTES.subsidies,
  ROUTES.subsidyEdit,
  ROUTES.supervision,
  ROUTES.assessments,
  ROUTES.planner,
  ROUTES.communityLocate,
].map((p) => p.slice(WORKER_ROOT.length + 1));
export const MERCHANT_ROOT = 'subpackages/merchant';
export const MERCHANT_PAGES = [ROUTES.merchantRegister, ROUTES.merchantOutlets, ROUTES.merchantEdit].map((p) =>
  p.slice(MERCHANT_ROOT.length + 1),
);

/** Supervision (监测评价): the dashboard and each street's 一街一则. */
export const DISTRICT_ROOT = 'subpackages/district';
export const DISTRICT_PAGES = [ROUTES.dashboard, ROUTES.guideline].map((p) => p.slice(DISTRICT_ROOT.length + 1));

export type RouteName = keyof typeof ROUTES;

/** A URL for navigateTo (see services/navigation.ts), with its query. */
export function routeUrl(name: RouteName, params: Record<string, string> = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${ROUTES[name]}${query ? `?${query}` : ''}`;
}
