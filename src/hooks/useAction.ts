import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionKey, Req, Res } from '@/types';
import { ApiError, callCloud } from '@/services/api';
import { cacheKey, cached, remember } from '@/services/queries';
import { useSession } from './useSession';
import { useReloadWhenStale } from './useStale';

export interface ActionState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads an action's answer when the request or the signed-in person changes (answers may depend on who asks), and
 * again after a write marks the action stale (see useMutation; a hidden page reloads when shown again). A remembered answer shows at once while it
 * reloads. `null` waits (e.g. for a page parameter).
 */
export function useAction<K extends ActionKey>(action: K, req: Req<K> | null): ActionState<Res<K>> {
  const key = req === null ? null : JSON.stringify(req);
  const [data, setData] = useState<Res<K> | null>(() =>
    key === null ? null : (cached(cacheKey(action, key)) ?? null),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(req !== null);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const who = useSession()?.token ?? null;

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    callCloud(action, JSON.parse(key) as Req<K>)
      .then((d) => {
        if (ticket !== latest.current) return;
        remember(cacheKey(action, key), d);
        setData(d);
      })
      .catch((e: unknown) => {
        if (ticket !== latest.current) return;
        setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '出现了意外错误'));
      })
      .finally(() => ticket === latest.current && setLoading(false));
  }, [action, key, round, who]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  useReloadWhenStale(action, reload);
  return { data, error, loading, reload };
}
