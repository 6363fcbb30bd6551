import type { Role, User, WorkerScope } from '@/types';
import { ApiError, callCloud } from './api';
import { onInvalidate, forgetAll } from './queries';
import { getSession, onSessionChange } from './session';

/** Who is using the app, loaded once and shared by every page (refreshed on sign-in/out and home changes). */
export interface Me {
  user: User | null;
  role: Role | null;
  scope: WorkerScope | null;
  homeCommunityCode: string | null;
  /** Dev sign-in is on (the local trial server): 我的 offers the demo accounts. */
  devLogin: boolean;
  loading: boolean;
  error: ApiError | null;
}

const EMPTY: Me = {
  user: null,
  role: null,
  scope: null,
  homeCommunityCode: null,
  devLogin: false,
  loading: true,
  error: null,
};

let state: Me = EMPTY;
let started = false;
let ticket = 0;
const listeners = new Set<(me: Me) => void>();

function publish(next: Me) {
  state = next;
  for (const l of listeners) l(state);
}

function fromUser(user: User | null, devLogin: boolean): Me {
  return {
    user,
    role: user?.role ?? null,
    scope: user?.scope ?? null,
    homeCommunityCode: user?.homeCommunityCode ?? null,
    devLogin,
    loading: false,
    error: null,
  };
}

/** Asks the server who I am (the signed session locally; the platform's identity in the cloud). */
export function refreshMe(): void {
  const mine = ++ticket;
  // Show the signed-in person at once while the server confirms.
  const local = getSession()?.user ?? null;
  publish({ ...fromUser(local ?? state.user, state.devLogin), loading: true });
  callCloud('auth.me', {})
    .then((res) => mine === ticket && publish(fromUser(res.user, res.devLogin)))
    .catch((e: unknown) => {
      if (mine !== ticket) return;
      const error = e instanceof ApiError ? e : new ApiError('INTERNAL', '出现了意外错误');
      publish({ ...state, loading: false, error });
    });
}

function start() {
  if (started) return;
  started = true;
  onSessionChange(() => {
    forgetAll();
    refreshMe();
  });
  onInvalidate('auth.me', refreshMe);
  refreshMe();
}

export function currentMe(): Me {
  start();
  return state;
}

export function subscribeMe(listener: (me: Me) => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
