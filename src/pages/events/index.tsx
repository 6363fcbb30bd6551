import { Button, Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import EventCard from '@/components/EventCard';
import Page from '@/components/Page';
import StateView, { SignInButton } from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { tab as tabRole } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

/** 活动: upcoming 便民商业服务进社区 events, all or only those I signed up for (我的活动). */
export default function EventsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<'all' | 'near' | 'mine'>(params.tab === 'mine' ? 'mine' : 'all');
  const me = useMe();
  const homeCode = me.homeCommunityCode;
  const signedOut = !me.loading && !me.user;
  const home = useAction('geo.community', tab === 'near' && homeCode ? { code: homeCode } : null);
  const homePoint = home.data?.community.location?.coordinates ?? null;
  const all = useAction('events.list', tab === 'all' ? {} : null);
  // Near my community: within a 15-minute walk of its point, or the community's own events while it has none.
  const near = useAction(
    'events.list',
    tab === 'near' && homeCode && home.data
      ? homePoint
        ? { near: { lng: homePoint[0], lat: homePoint[1], minutes: 15 } }
        : { communityCode: homeCode }
      : null,
  );
  const mine = useAction('events.mine', tab === 'mine' && me.user ? {} : null);
  const list = tab === 'all' ? all : tab === 'near' ? near : mine;
  usePullDownRefresh(() => list.reload());
  useEffect(() => {
    if (!list.loading) stopPullDownRefresh();
  }, [list.loading]);

  return (
    <Page name='events'>
      <View className='tabs' role='tablist'>
        <Text
          className={`tab ${tab === 'all' ? 'tab-on' : ''}`}
          {...tabRole(tab === 'all')}
          onClick={() => setTab('all')}
        >
          近期活动
        </Text>
        <Text
          className={`tab ${tab === 'near' ? 'tab-on' : ''}`}
          {...tabRole(tab === 'near')}
          onClick={() => setTab('near')}
        >
          我的社区附近
        </Text>
        <Text
          className={`tab ${tab === 'mine' ? 'tab-on' : ''}`}
          {...tabRole(tab === 'mine')}
          onClick={() => setTab('mine')}
        >
          我的活动
        </Text>
      </View>
      {tab === 'near' && !homeCode && (
        <View className='card'>
          <Text className='muted block'>请先在“我的”中设置所在社区</Text>
          {signedOut ? (
            <SignInButton text='登录后设置社区' />
          ) : (
            <Button className='btn-secondary set-home' onClick={() => go('mine')}>
              去设置所在社区
            </Button>
          )}
        </View>
      )}
      <StateView
        signIn={tab === 'mine' && signedOut}
        loading={list.loading && !list.data}
        error={list.error}
        empty={(list.data ?? []).length === 0}
        emptyText={
          tab === 'mine' && signedOut
            ? '登录后可以查看我报名的活动'
            : tab === 'mine'
              ? '还没有报名活动'
              : tab === 'near'
                ? '附近近期暂无活动'
                : '近期暂无活动'
        }
        onRetry={list.reload}
      >
        {(list.data ?? []).map((v) => (
          <EventCard key={v.event.id} view={v} />
        ))}
      </StateView>
    </Page>
  );
}
