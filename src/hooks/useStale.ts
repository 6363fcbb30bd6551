import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { ActionKey } from '@/types';
import { onInvalidate } from '@/services/queries';

/**
 * Reloads when a write marks the action stale: at once on the page being shown, or when a page underneath (kept
 * by the navigation stack) is shown again — so hidden pages do not fetch in the background.
 */
export function useReloadWhenStale(action: ActionKey, reload: () => void): void {
  const shown = useRef(true);
  const stale = useRef(false);
  const latest = useRef(reload);
  latest.current = reload;
  useDidShow(() => {
    shown.current = true;
    if (stale.current) {
      stale.current = false;
      latest.current();
    }
  });
  useDidHide(() => {
    shown.current = false;
  });
  useEffect(
    () =>
      onInvalidate(action, () => {
        if (shown.current) latest.current();
        else stale.current = true;
      }),
    [action],
  );
}
