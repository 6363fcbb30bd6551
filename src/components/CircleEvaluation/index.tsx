import { Button, Text, View } from '@tarojs/components';
import type { CircleEvaluation as Evaluation } from '@/types';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import AdminTools from './AdminTools';
import './index.scss';

const percent = (x: number) => `${Math.round(x * 100)}%`;

function threshold(c: Evaluation['criteria'][number]): string | null {
  if (c.threshold === null || c.id === 'basic') return null;
  return c.threshold <= 1 && c.id !== 'quality' ? `标准 ${percent(c.threshold)}` : `标准 ${c.threshold} 种`;
}

/**
 * The circle's evaluation (边建设、边评价), shown to everyone: each criterion with its figure and whether it passes,
 * and how the circle became 已建成. The admin marks it built here (with a reason when it has not passed).
 */
export default function CircleEvaluation({ circleId }: { circleId: string }) {
  const evaluation = useAction('supervision.evaluation', { circleId });
  const me = useMe();
  const markBuilt = useMutation('circles.save', {
    invalidates: ['supervision.evaluation', 'circles.get', 'circles.list', 'circles.progress'],
    success: '已标记为已建成',
  });
  const e = evaluation.data;
  return (
    <View className='card circle-evaluation'>
      <Text className='section-label block'>建设评价</Text>
      <StateView loading={evaluation.loading && !e} error={evaluation.error} onRetry={evaluation.reload}>
        {e && (
          <>
            <Text className={`badge ${e.passed ? 'badge-ok' : 'badge-warn'} evaluation-result`}>
              {e.passed ? '评价通过' : '评价未通过'}
            </Text>
            {e.criteria.map((c) => (
              <View key={c.id} className='criterion'>
                <View className='row'>
                  <Text className='criterion-name'>
                    {c.passed ? '✓' : '✗'} {c.name}
                  </Text>
                  <Text className={c.passed ? 'criterion-ok' : 'criterion-no'}>{c.passed ? '达标' : '未达标'}</Text>
                </View>
                <Text className='muted block'>
                  {c.figure}
                  {threshold(c) ? `（${threshold(c)}）` : ''}
                </Text>
              </View>
            ))}
            {e.builtBy && (
              <Text className='muted block built-by'>
                {e.builtBy.via === 'evaluation'
                  ? '已建成：评价通过后确认'
                  : `已建成：区商务局确认（未达标项仍待改进），理由：${e.builtBy.reason ?? ''}`}
              </Text>
            )}
            {me.role === 'admin' && e.status !== 'built' && e.passed && (
              <Button
                className='btn-primary'
                loading={markBuilt.busy}
                onClick={() => void markBuilt.run({ op: 'update', id: circleId, status: 'built' })}
              >
                标记为已建成
              </Button>
            )}
            {markBuilt.error && <Text className='form-error block'>{markBuilt.error}</Text>}
            {me.role === 'admin' && <AdminTools evaluation={e} />}
          </>
        )}
      </StateView>
    </View>
  );
}
