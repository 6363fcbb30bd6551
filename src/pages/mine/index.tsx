import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ROLE_LABELS, type DemoAccount } from '../../../types';
import StateView from '../../components/StateView';
import HomePicker from './HomePicker';
import { go } from '../../services/navigation';
import { useAction } from '../../hooks/useAction';
import { useSession } from '../../hooks/useSession';
import { ApiError, callCloud } from '../../services/api';
import { setSession } from '../../services/session';
import './index.scss';

/** Who I am; while dev sign-in is on, sign in as a demo account (marked 演示) or as a fresh resident. */
export default function MinePage() {
  const session = useSession();
  const me = useAction('auth.me', {});
  const devLogin = me.data?.devLogin ?? false;
  const accounts = useAction('auth.demoAccounts', devLogin ? {} : null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signIn(req: { account: string } | { openid: string }, key: string) {
    setBusy(key);
    setError(null);
    try {
      const res = await callCloud('auth.devLogin', req);
      setSession(res);
      Taro.showToast({ title: `已登录：${res.user.nickname}`, icon: 'none' });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请重试');
    } finally {
      setBusy(null);
    }
  }

  const freshResident = () =>
    signIn({ openid: `resident-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` }, 'fresh');

  // Local: the signed session. Cloud: the platform identifies the person, and auth.me says who they are.
  const user = me.data?.user ?? session?.user ?? null;
  return (
    <View className='page mine'>
      <View className='card'>
        {user ? (
          <>
            <Text className='me-name'>{user.nickname}</Text>
            <Text className='muted block'>
              身份：{ROLE_LABELS[user.role]}
              {user.demoAccount ? '（演示账号）' : ''}
            </Text>
            <Button className='tool-link secondary' onClick={() => go('events', { tab: 'mine' })}>
              我的活动
            </Button>
            <Button className='tool-link secondary' onClick={() => go('surveys')}>
              问卷调查
            </Button>
            <Button className='tool-link secondary' onClick={() => go('demand')}>
              反映缺少的服务
            </Button>
            {(user.role === 'worker' || user.role === 'admin') && (
              <Button className='tool-link' onClick={() => go('gaps')}>
                缺项与选址
              </Button>
            )}
            {user.role === 'worker' && (
              <Button className='tool-link' onClick={() => go('eventNew')}>
                发布活动
              </Button>
            )}
            {(user.role === 'worker' || user.role === 'admin') && (
              <Button className='tool-link' onClick={() => go('reviews')}>
                网点审核
              </Button>
            )}
            {(user.role === 'worker' || user.role === 'admin') && (
              <Button className='tool-link' onClick={() => go('ratingQueue')}>
                评价审核
              </Button>
            )}
            {user.role === 'admin' && (
              <Button className='tool-link' onClick={() => go('dataImport')}>
                数据导入（社区位置、生活圈规划、人口）
              </Button>
            )}
            {(user.role === 'merchant' || user.role === 'resident') && (
              <Button
                className='tool-link secondary'
                onClick={() => go(user.role === 'merchant' ? 'merchantOutlets' : 'merchantRegister')}
              >
                {user.role === 'merchant' ? '我的网点' : '我是商户：登记网点'}
              </Button>
            )}
            {session && (
              <Button className='sign-out' size='mini' onClick={() => setSession(null)}>
                退出登录
              </Button>
            )}
          </>
        ) : (
          <Text className='me-name'>未登录</Text>
        )}
      </View>

      {user && <HomePicker user={user} onSaved={me.reload} />}

      <StateView loading={me.loading} error={me.error} onRetry={me.reload}>
        {devLogin ? (
          <>
            <View className='section-title'>演示登录（仅本地试用环境）</View>
            {error && <Text className='form-error'>{error}</Text>}
            <Button className='account fresh' onClick={freshResident} loading={busy === 'fresh'}>
              以新居民身份登录
            </Button>
            <StateView
              loading={accounts.loading}
              error={accounts.error}
              empty={(accounts.data ?? []).length === 0}
              emptyText='暂无演示账号'
            >
              {(accounts.data ?? []).map((a: DemoAccount) => (
                <View
                  key={a.account}
                  className={`card account-item ${user?.demoAccount === a.account ? 'account-on' : ''}`}
                  onClick={() => signIn({ account: a.account }, a.account)}
                >
                  <View className='row'>
                    <Text>{a.label}</Text>
                    <Text className='badge badge-warn'>演示</Text>
                  </View>
                  <Text className='muted'>{busy === a.account ? '登录中…' : ROLE_LABELS[a.role]}</Text>
                </View>
              ))}
            </StateView>
          </>
        ) : (
          <Text className='muted block'>已使用微信身份登录。</Text>
        )}
      </StateView>
    </View>
  );
}
