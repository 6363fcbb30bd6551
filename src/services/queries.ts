import Taro from '@tarojs/taro';
import type { ActionKey } from '@/types';

/**
 * The app's small query cache: the last answer of each read (keyed by action and request), and a signal per
 * action that tells every mounted reader of it to load again after a write changed it.
 */
const answers = new Map<string, unknown>();
const topic = (action: ActionKey) => `query:${action}`;

export const cacheKey = (action: ActionKey, req: string) => `${action} ${req}`;

export function cached<T>(key: string): T | undefined {
  return answers.get(key) as T | undefined;
}

export function remember(key: string, value: unknown): void {
  answers.set(key, value);
}

/** Marks the answers of these actions stale: cached ones are dropped and mounted readers reload. */
export function invalidate(actions: readonly ActionKey[]): void {
  for (const action of actions) {
    for (const key of [...answers.keys()]) if (key.startsWith(`${action} `)) answers.delete(key);
    Taro.eventCenter.trigger(topic(action));
  }
}

/** Forgets every answer (another person signed in: answers may depend on who asks). */
export function forgetAll(): void {
  answers.clear();
}

export function onInvalidate(action: ActionKey, listener: () => void): () => void {
  Taro.eventCenter.on(topic(action), listener);
  return () => Taro.eventCenter.off(topic(action), listener);
}
