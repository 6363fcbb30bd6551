import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApiError } from '@/services/api';
import './index.scss';

interface Props {
  loading: boolean;
  error: ApiError | null;
  /** True when loaded and there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** The loading, error and empty states every list and detail shares; renders children otherwise. */
export default function StateView({ loading, error, empty, emptyText = '暂无数据', onRetry, children }: Props) {
  if (error)
    return (
      <View className='state state-error'>
        <Text className='state-text'>{error.message}</Text>
        {onRetry && (
          <Button className='state-retry' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  if (loading)
    return (
      <View className='state state-loading'>
        <Text className='state-text'>加载中…</Text>
      </View>
    );
  if (empty)
    return (
      <View className='state state-empty'>
        <Text className='state-text'>{emptyText}</Text>
      </View>
    );
  return <>{children}</>;
}
