import { useCallback } from 'react';
import type { MessageKind } from '@/types';
import { subscribeBeforeAction } from '@/services/device';
import { useMutation } from './useMutation';

/**
 * Before an action that leads to messages (报名, 提交审核, 反映, 订阅问卷): in WeChat, asks for the one-time
 * subscription to those kinds and tells the server which were accepted. Never stops the action itself.
 */
export function useSubscribe(kinds: readonly MessageKind[]): () => Promise<void> {
  const save = useMutation('messages.subscribe', { invalidates: [] });
  const { run } = save;
  const key = kinds.join(',');
  return useCallback(async () => {
    await subscribeBeforeAction(key.split(',') as MessageKind[], (accepted) => run({ kinds: accepted }));
  }, [key, run]);
}
