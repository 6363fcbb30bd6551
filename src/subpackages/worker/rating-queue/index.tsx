import { Button, Text, View } from '@tarojs/components';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { confirmAction } from '@/services/device';
import { go } from '@/services/navigation';
import { beijingTime } from '@/services/time';
import './index.scss';

/** Reviews waiting for a worker: text the word list flagged, and reviews reported past the threshold. */
export default function RatingQueuePage() {
  const queue = useAction('ratings.queue', {});
  const moderate = useMutation('ratings.moderate', {
    invalidates: ['ratings.queue', 'ratings.list', 'outlets.get', 'outlets.nearby'],
    success: (_, req) => (req.decision === 'publish' ? '已公开' : '已删除'),
  });
  const message = moderate.error;

  async function decide(ratingId: string, decision: 'publish' | 'remove', outletName: string) {
    if (
      decision === 'remove' &&
      !(await confirmAction('删除评价', `删除后“${outletName}”的这条评价将不再显示，确定吗？`))
    )
      return;
    void moderate.run({ ratingId, decision });
  }

  return (
    <Page name='rating-queue'>
      {message && <Text className='form-error'>{message}</Text>}
      <StateView
        loading={queue.loading && !queue.data}
        error={queue.error}
        empty={(queue.data ?? []).length === 0}
        emptyText='没有待审核的评价'
        onRetry={queue.reload}
      >
        {(queue.data ?? []).map((r) => (
          <View key={r.id} className='card queue-item'>
            <Text className='block queue-outlet' {...pressable()} onClick={() => go('outlet', { id: r.outletId })}>
              {r.outletName}
            </Text>
            <Text className='block'>
              {r.stars} 星 {'★'.repeat(r.stars)}{' '}
              {r.status === 'hidden' ? `（被举报 ${r.reports} 次）` : '（含敏感词，待审核）'}
            </Text>
            <Text className='block'>{r.text}</Text>
            <Text className='muted block'>
              {r.nickname} · {beijingTime(r.updatedAt)}
            </Text>
            <View className='row'>
              <Button disabled={moderate.busy || undefined} onClick={() => void decide(r.id, 'publish', r.outletName)}>
                公开
              </Button>
              <Button disabled={moderate.busy || undefined} onClick={() => void decide(r.id, 'remove', r.outletName)}>
                删除
              </Button>
            </View>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
