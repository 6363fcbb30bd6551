import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import EventCard from '../../components/EventCard';
import StateView from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import './index.scss';

/** 活动: upcoming 便民商业服务进社区 events, all or only those I signed up for (我的活动). */
export default function EventsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<'all' | 'mine'>(params.tab === 'mine' ? 'mine' : 'all');
  const all = useAction('events.list', tab === 'all' ? {} : null);
  const mine = useAction('events.mine', tab === 'mine' ? {} : null);
  const list = tab === 'all' ? all : mine;
  usePullDownRefresh(() => list.reload());
  useEffect(() => {
    if (!list.loading) stopPullDownRefresh();
  }, [list.loading]);

  return (
    <View className='page events'>
      <View className='tabs'>
        <Text className={`tab ${tab === 'all' ? 'tab-on' : ''}`} onClick={() => setTab('all')}>
          近期活动
        </Text>
        <Text className={`tab ${tab === 'mine' ? 'tab-on' : ''}`} onClick={() => setTab('mine')}>
          我的活动
        </Text>
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        empty={(list.data ?? []).length === 0}
        emptyText={tab === 'all' ? '近期暂无活动' : '还没有报名活动'}
        onRetry={list.reload}
      >
        {(list.data ?? []).map((v) => (
          <EventCard key={v.event.id} view={v} />
        ))}
      </StateView>
    </View>
  );
}
