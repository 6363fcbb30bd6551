import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ActionKey, Req, Res } from '@/types';
import { ApiError, callCloud } from '@/services/api';
import { invalidate } from '@/services/queries';

export interface MutationOptions<I, O> {
  /** Reads whose answers this write changes: their mounted readers reload after it succeeds. */
  invalidates?: readonly ActionKey[];
  /** A short Chinese toast after success (a function may answer null for none). */
  success?: string | ((out: O, input: I) => string | null);
  /** Runs after success, after the affected reads were marked stale. */
  onSuccess?: (out: O, input: I) => void;
  /** What to say when the failure has no message of its own. */
  failure?: string;
}

export interface Mutation<I, O> {
  /** Runs the write; answers its result, or null when it failed (the failure is already shown). */
  run: (input: I) => Promise<O | null>;
  busy: boolean;
  /** The last failure's message (also when it is about one field). */
  error: string | null;
  /** The failure's message when it is not about one field (forms show field errors under their fields). */
  formError: string | null;
  /** Messages keyed by the input field they are about (the error's `field`), shown under that field. */
  fieldErrors: Record<string, string>;
  /** Shows a message found before sending (e.g. a local check), the same way as a server's. */
  fail: (message: string, field?: string, fields?: Record<string, string>) => void;
  reset: () => void;
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined);
}

/**
 * Every write in the app: busy while it runs (a second tap is ignored), field errors keyed by the error's field,
 * a short Chinese toast on success (failures stay on the page, next to what failed), and the affected reads
 * refreshed. Works for any async write (an upload, a device call).
 */
export function useTask<I, O>(task: (input: I) => Promise<O>, options: MutationOptions<I, O> = {}): Mutation<I, O> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; field?: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const running = useRef(false);
  const latest = useRef({ task, options });
  latest.current = { task, options };

  const fail = useCallback((message: string, field?: string, fields?: Record<string, string>) => {
    setFailure({ message, field });
    setFieldErrors({ ...(field ? { [field]: message } : {}), ...(fields ?? {}) });
  }, []);

  const run = useCallback(
    async (input: I): Promise<O | null> => {
      if (running.current) return null;
      running.current = true;
      const { task: doIt, options: opts } = latest.current;
      setBusy(true);
      setFailure(null);
      setFieldErrors({});
      try {
        const out = await doIt(input);
        if (opts.invalidates?.length) invalidate(opts.invalidates);
        const said = typeof opts.success === 'function' ? opts.success(out, input) : opts.success;
        if (said) toast(said);
        opts.onSuccess?.(out, input);
        return out;
      } catch (e) {
        const message = e instanceof ApiError ? e.message : (opts.failure ?? '操作失败，请重试');
        // Shown next to the control (under its field when it names one), not in a passing toast.
        fail(message, e instanceof ApiError ? e.field : undefined, e instanceof ApiError ? e.fields : undefined);
        return null;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fail],
  );

  const reset = useCallback(() => {
    setFailure(null);
    setFieldErrors({});
  }, []);

  const error = failure?.message ?? null;
  const formError = failure && !failure.field ? failure.message : null;
  return { run, busy, error, formError, fieldErrors, fail, reset };
}

/** A write through one action of the contract; see useTask. */
export function useMutation<K extends ActionKey>(
  action: K,
  options: MutationOptions<Req<K>, Res<K>> = {},
): Mutation<Req<K>, Res<K>> {
  return useTask<Req<K>, Res<K>>((req) => callCloud(action, req), options);
}
