import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import { beijingTime } from '@/services/time';
import './index.scss';

/** The review queue of the worker's street: new outlets and changes waiting, oldest first. */
export default function ReviewsPage() {
  const queue = usePaged('reviews.queue', {});
  usePullDownRefresh(() => queue.reload());
  useDidShow(() => queue.reload());
  useEffect(() => {
    if (!queue.loading) stopPullDownRefresh();
  }, [queue.loading]);
  return (
    <Page name='reviews'>
      <StateView
        loading={queue.loading && queue.items.length === 0}
        error={queue.error}
        empty={queue.items.length === 0}
        emptyText='没有待审核的网点'
        onRetry={queue.reload}
      >
        {queue.items.map(({ outlet, statusName }) => (
          <View
            key={outlet.id}
            className='card review-item'
            {...pressable()}
            onClick={() => go('review', { id: outlet.id })}
          >
            <View className='row'>
              <Text className='outlet-name'>{outlet.name}</Text>
              <Text className='badge badge-warn'>{outlet.pendingChanges ? '修改待审' : statusName}</Text>
            </View>
            <Text className='muted block'>{outlet.address}</Text>
            <Text className='muted block'>提交于 {beijingTime(outlet.updatedAt)}</Text>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
