import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionKey, Page, Req, Res } from '@/types';
import { ApiError, callCloud } from '@/services/api';
import { useReloadWhenStale } from './useStale';

type PagedKey = {
  [K in ActionKey]: Res<K> extends Page<unknown> ? (Req<K> extends { cursor?: string } ? K : never) : never;
}[ActionKey];
type Item<K extends PagedKey> = Res<K> extends Page<infer T> ? T : never;

export interface PagedState<T> {
  items: T[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A paged list: the first page when the request changes or a write marks the action stale, the next one on
 * `loadMore`. `null` waits.
 */
export function usePaged<K extends PagedKey>(action: K, req: Omit<Req<K>, 'cursor'> | null): PagedState<Item<K>> {
  const [items, setItems] = useState<Item<K>[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(req !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const key = req === null ? null : JSON.stringify(req);
  const ticket = useRef(0);

  const load = useCallback(
    (after: string | null) => {
      if (key === null) return;
      const mine = ++ticket.current;
      setLoading(true);
      setError(null);
      const base = JSON.parse(key) as Req<K>;
      callCloud(action, (after ? { ...base, cursor: after } : base) as Req<K>)
        .then((page) => {
          if (mine !== ticket.current) return;
          const p = page as Page<Item<K>>;
          setItems((prev) => (after ? [...prev, ...p.items] : p.items));
          setCursor(p.nextCursor);
        })
        .catch((e: unknown) => {
          if (mine === ticket.current) setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '出现了意外错误'));
        })
        .finally(() => mine === ticket.current && setLoading(false));
    },
    [action, key],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    load(null);
  }, [load, round]);

  useReloadWhenStale(action, () => setRound((r) => r + 1));

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => cursor && !loading && load(cursor),
    reload: () => setRound((r) => r + 1),
  };
}
