import type { CategoryId, PaymentMethod, Service } from './catalogue';
import type { Community, DemoAccount, DistrictOutline, OutletDetail, OutletView, Page, Street, User } from './domain';

/** A request that carries nothing. */
export type Empty = Record<string, never>;

/**
 * The one contract between the app and the functions: `'<fn>.<action>'` → request and response.
 * The app's caller and every router handler are typed from this map.
 */
export interface ActionMap {
  'auth.me': { req: Empty; res: { user: User | null; devLogin: boolean } };
  'auth.demoAccounts': { req: Empty; res: DemoAccount[] };
  /** Exactly one of: a demo account key, or a new openid (signs in as a fresh resident). */
  'auth.devLogin': { req: { account?: string; openid?: string }; res: { token: string; user: User } };

  'geo.streets': { req: Empty; res: Street[] };
  /** Xicheng's outline, for drawing the map. */
  'geo.outline': { req: Empty; res: DistrictOutline };
  'geo.communities': { req: { streetCode?: string; cursor?: string }; res: Page<Community> };
  /** `canSetLocation` tells the caller whether they may set this community's location. */
  'geo.community': { req: { code: string }; res: { community: Community; canSetLocation: boolean } };
  'geo.setCommunityLocation': { req: { communityCode: string; lng: number; lat: number }; res: Community };

  /** Approved outlets within `minutes` (default 10) of walking from a point, nearest first, pages of 50. */
  'outlets.nearby': {
    req: {
      lng: number;
      lat: number;
      minutes?: number;
      categories?: CategoryId[];
      /** Only outlets open at this instant: an ISO 8601 time or 'now'. */
      openAt?: string;
      services?: Service[];
      payment?: PaymentMethod[];
      accessible?: boolean;
      cursor?: string;
    };
    res: Page<OutletView>;
  };
  'outlets.get': { req: { id: string }; res: OutletDetail };
  'outlets.search': { req: { q: string; streetCode?: string; cursor?: string }; res: Page<OutletView> };
}

export type ActionKey = keyof ActionMap;
export type Req<K extends ActionKey> = ActionMap[K]['req'];
export type Res<K extends ActionKey> = ActionMap[K]['res'];

/** The function (area) part of an action key: `'geo'` for `'geo.streets'`. */
export type FnName = ActionKey extends `${infer F}.${string}` ? F : never;
export const FUNCTIONS = ['auth', 'geo', 'outlets'] as const satisfies readonly FnName[];

/** The actions of one function, by their short name: `ActionsOf<'geo'>['streets']` is `'geo.streets'`. */
export type ActionsOf<F extends FnName> = {
  [K in ActionKey as K extends `${F}.${infer A}` ? A : never]: K;
};

/** What a function receives: `{ action, data }`. */
export interface FunctionEvent {
  action: string;
  data?: unknown;
}
