import Taro from '@tarojs/taro';
import type { User } from '@/types';
import { returnAfterSignIn } from './navigation';

const KEY = 'xc-session';
const CHANGED = 'session:changed';

export interface Session {
  token: string;
  user: User;
}

/** The signed-in session, kept in storage so it survives a reload. */
export function getSession(): Session | null {
  const v: unknown = Taro.getStorageSync(KEY);
  return v && typeof v === 'object' && 'token' in v ? (v as Session) : null;
}

export function setSession(session: Session | null): void {
  if (session) Taro.setStorageSync(KEY, session);
  else Taro.removeStorageSync(KEY);
  Taro.eventCenter.trigger(CHANGED, session);
  if (session) returnAfterSignIn();
}

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  Taro.eventCenter.on(CHANGED, listener);
  return () => Taro.eventCenter.off(CHANGED, listener);
}
