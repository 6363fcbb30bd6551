import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import StateView from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { ApiError, callCloud } from '../../../services/api';
import { beijingTime } from '../../../services/time';

/** Reviews waiting for a worker: text the word list flagged, and reviews reported past the threshold. */
export default function RatingQueuePage() {
  const queue = useAction('ratings.queue', {});
  const [message, setMessage] = useState<string | null>(null);

  async function decide(ratingId: string, decision: 'publish' | 'remove') {
    try {
      await callCloud('ratings.moderate', { ratingId, decision });
      queue.reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  return (
    <View className='page rating-queue'>
      {message && <Text className='form-error'>{message}</Text>}
      <StateView
        loading={queue.loading && !queue.data}
        error={queue.error}
        empty={(queue.data ?? []).length === 0}
        emptyText='没有待审核的评价'
        onRetry={queue.reload}
      >
        {(queue.data ?? []).map((r) => (
          <View key={r.id} className='card'>
            <Text className='block'>
              {'★'.repeat(r.stars)} {r.status === 'hidden' ? `（被举报 ${r.reports} 次）` : '（含敏感词，待审核）'}
            </Text>
            <Text className='block'>{r.text}</Text>
            <Text className='muted block'>
              {r.nickname} · {beijingTime(r.updatedAt)}
            </Text>
            <View className='row'>
              <Button size='mini' onClick={() => decide(r.id, 'publish')}>
                公开
              </Button>
              <Button size='mini' onClick={() => decide(r.id, 'remove')}>
                删除
              </Button>
            </View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
