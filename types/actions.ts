import type { Community, DemoAccount, Page, Street, User } from './domain';

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
  'geo.communities': { req: { streetCode?: string; cursor?: string }; res: Page<Community> };
  /** `canSetLocation` tells the caller whether they may set this community's location. */
  'geo.community': { req: { code: string }; res: { community: Community; canSetLocation: boolean } };
  'geo.setCommunityLocation': { req: { communityCode: string; lng: number; lat: number }; res: Community };
}

export type ActionKey = keyof ActionMap;
export type Req<K extends ActionKey> = ActionMap[K]['req'];
export type Res<K extends ActionKey> = ActionMap[K]['res'];

/** The function (area) part of an action key: `'geo'` for `'geo.streets'`. */
export type FnName = ActionKey extends `${infer F}.${string}` ? F : never;
export const FUNCTIONS = ['auth', 'geo'] as const satisfies readonly FnName[];

/** The actions of one function, by their short name: `ActionsOf<'geo'>['streets']` is `'geo.streets'`. */
export type ActionsOf<F extends FnName> = {
  [K in ActionKey as K extends `${F}.${infer A}` ? A : never]: K;
};

/** What a function receives: `{ action, data }`. */
export interface FunctionEvent {
  action: string;
  data?: unknown;
}
