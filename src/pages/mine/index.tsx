import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { ROLE_LABELS, type DemoAccount } from '@/types';
import ElderSwitch from '@/components/ElderSwitch';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { go, setTabBadge } from '@/services/navigation';
import { getSession, setSession } from '@/services/session';
import HomePicker from './HomePicker';
import './index.scss';

/** Who I am; while dev sign-in is on, sign in as a demo account (marked 演示) or as a fresh resident. */
export default function MinePage() {
  const me = useMe();
  const accounts = useAction('auth.demoAccounts', me.devLogin ? {} : null);
  const signIn = useMutation('auth.devLogin', {
    success: (res) => `已登录：${res.user.nickname}`,
    failure: '登录失败，请重试',
    onSuccess: (res) => setSession(res),
  });
  const pending = signIn.busy;
  const unread = useAction('messages.unread', me.user ? {} : null);
  const unreadCount = unread.data?.count ?? 0;
  useEffect(() => {
    if (unread.data) setTabBadge('mine', unread.data.count);
  }, [unread.data]);
  // Back on 我的 (a tab stays mounted): messages may have arrived or been read meanwhile.
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else if (me.user) unread.reload();
  });

  const freshResident = () =>
    signIn.run({ openid: `resident-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` });

  const user = me.user;
  const role = me.role;
  const staff = role === 'worker' || role === 'admin';
  return (
    <Page name='mine'>
      <View className='card'>
        {user ? (
          <>
            <Text className='me-name'>{user.nickname}</Text>
            <Text className='muted block'>
              身份：{ROLE_LABELS[user.role]}
              {user.demoAccount ? '（演示账号）' : ''}
            </Text>
            <Button className='tool-link secondary messages-link' onClick={() => go('messages')}>
              {unreadCount > 0 ? `消息（${unreadCount} 条未读）` : '消息'}
            </Button>
            <Button className='tool-link secondary' onClick={() => go('events', { tab: 'mine' })}>
              我的活动
            </Button>
            <Button className='tool-link secondary' onClick={() => go('surveys')}>
              问卷调查
            </Button>
            <Button className='tool-link secondary' onClick={() => go('demand')}>
              反映缺少的服务
            </Button>
            {staff && (
              <Button className='tool-link' onClick={() => go('gaps')}>
                缺项与选址
              </Button>
            )}
            {role === 'worker' && (
              <Button className='tool-link' onClick={() => go('eventNew')}>
                发布活动
              </Button>
            )}
            {staff && (
              <Button className='tool-link' onClick={() => go('reviews')}>
                网点审核
              </Button>
            )}
            {staff && (
              <Button className='tool-link' onClick={() => go('ratingQueue')}>
                评价审核
              </Button>
            )}
            {role === 'admin' && (
              <Button className='tool-link' onClick={() => go('dataImport')}>
                数据导入（社区位置、生活圈规划、人口）
              </Button>
            )}
            {role === 'worker' && (
              <Button className='tool-link place-link' onClick={() => go('placeCommunities')}>
                安排待补充位置的社区
              </Button>
            )}
            {role === 'admin' && (
              <Button className='tool-link sent-link' onClick={() => go('sentMessages')}>
                消息发送记录
              </Button>
            )}
            {staff && (
              <Button className='tool-link planner-link' onClick={() => go('planner')}>
                生活圈规划
              </Button>
            )}
            {staff && (
              <Button className='tool-link' onClick={() => go('dashboard')}>
                监测评价
              </Button>
            )}
            {role === 'worker' && user?.scope?.streetCode && (
              <Button
                className='tool-link'
                onClick={() => go('guideline', { streetCode: user?.scope?.streetCode ?? '' })}
              >
                一街一则
              </Button>
            )}
            {(role === 'merchant' || role === 'resident') && (
              <Button
                className='tool-link secondary'
                onClick={() => go(role === 'merchant' ? 'merchantOutlets' : 'merchantRegister')}
              >
                {role === 'merchant' ? '我的网点' : '我是商户：登记网点'}
              </Button>
            )}
            {staff && (
              <Button className='tool-link warnings-link' onClick={() => go('warnings')}>
                风险预警
              </Button>
            )}
            {staff && (
              <Button className='tool-link subsidies-link' onClick={() => go('subsidies')}>
                补助与考核
              </Button>
            )}
            {role === 'worker' && (
              <Button className='tool-link secondary' onClick={() => go('communityLocate')}>
                补充社区位置
              </Button>
            )}
            {getSession() && (
              <Button className='sign-out' onClick={() => setSession(null)}>
                退出登录
              </Button>
            )}
          </>
        ) : (
          <Text className='me-name'>{me.loading ? '加载中…' : '未登录'}</Text>
        )}
      </View>

      <ElderSwitch />

      {user && <HomePicker user={user} />}

      <StateView loading={me.loading && !me.user} error={me.error} onRetry={me.reload}>
        {me.devLogin ? (
          <>
            <View className='section-title'>演示登录（仅本地试用环境）</View>
            {signIn.error && <Text className='form-error'>{signIn.error}</Text>}
            <Button className='account fresh' onClick={freshResident} disabled={pending || undefined}>
              以新居民身份登录
            </Button>
            <StateView
              loading={accounts.loading}
              error={accounts.error}
              empty={(accounts.data ?? []).length === 0}
              emptyText='暂无演示账号'
              onRetry={accounts.reload}
            >
              {(accounts.data ?? []).map((a: DemoAccount) => (
                <View
                  key={a.account}
                  className={`card account-item ${user?.demoAccount === a.account ? 'account-on' : ''}`}
                  {...pressable(user?.demoAccount === a.account)}
                  onClick={() => signIn.run({ account: a.account })}
                >
                  <View className='row'>
                    <Text>{a.label}</Text>
                    <Text className='badge badge-warn'>演示</Text>
                  </View>
                  <Text className='muted'>
                    {ROLE_LABELS[a.role]}
                    {user?.demoAccount === a.account ? ' · ✓ 当前账号' : ''}
                  </Text>
                </View>
              ))}
            </StateView>
          </>
        ) : (
          <Text className='muted block'>已使用微信身份登录。</Text>
        )}
      </StateView>
    </Page>
  );
}
