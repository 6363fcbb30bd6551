import type { Envelope, FnName } from '../../types';
import { ROUTERS } from '../api';
import { cloudbaseApp } from '../store/cloudbase/app';
import { CloudbaseStore } from '../store/cloudbase/CloudbaseStore';

let store: CloudbaseStore | null = null;

/**
 * The cloud entry of one function. The caller's openid comes from CloudBase's context
 * (`auth().getUserInfo()`), never from the event: an `openid` or `userInfo` in the event is ignored.
 * Dev sign-in is always off here.
 */
export function cloudMain(fn: FnName) {
  const router = ROUTERS[fn];
  return async function main(event: unknown, _context?: unknown): Promise<Envelope<unknown>> {
    const { openId } = cloudbaseApp().auth().getUserInfo();
    store ??= new CloudbaseStore();
    return router.handle(event, { openid: openId || null }, { store, now: () => new Date(), devLogin: false });
  };
}
