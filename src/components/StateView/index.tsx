import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApiError } from '@/services/api';
import { goSignIn } from '@/services/navigation';
import './index.scss';

interface Props {
  loading: boolean;
  error: ApiError | null;
  /** True when loaded and there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  /** Shown signed out: the empty text and a button to 我的 to sign in (and back here afterwards). */
  signIn?: boolean;
  children?: ReactNode;
}

/** The one sign-in button of signed-out pages: to 我的, and back to this page once signed in. */
export function SignInButton({ text = '去登录' }: { text?: string }) {
  return (
    <Button className='btn-primary sign-in-button' onClick={goSignIn}>
      {text}
    </Button>
  );
}

/** The loading, error and empty states every list and detail shares; renders children otherwise. */
export default function StateView({ loading, error, empty, emptyText = '暂无数据', onRetry, signIn, children }: Props) {
  if (signIn)
    return (
      <View className='state state-sign-in'>
        <Text className='state-text'>{emptyText}</Text>
        <SignInButton />
      </View>
    );
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
