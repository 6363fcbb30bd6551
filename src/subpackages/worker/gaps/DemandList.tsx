import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CATEGORY_BY_ID, type DemandStatus } from '@/types';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';

const STATUS: Record<DemandStatus, string> = { received: '已收到', planned: '已列入计划', resolved: '已解决' };
const NEXT: Partial<Record<DemandStatus, DemandStatus>> = { received: 'planned', planned: 'resolved' };

/** Residents' reports of missing services, grouped by community and service, next to the computed gaps. */
export default function DemandList({ streetCode }: { streetCode: string }) {
  const groups = useAction('demand.grouped', { streetCode });
  const [reply, setReply] = useState<Record<string, string>>({});
  const update = useMutation('demand.update', {
    invalidates: ['demand.grouped', 'demand.mine'],
    success: (_, req) => `已更新为：${STATUS[req.status]}`,
  });
  const message = update.error;

  const advance = (id: string, status: DemandStatus) =>
    update.run({ id, status, ...(reply[id]?.trim() ? { reply: reply[id].trim() } : {}) });

  return (
    <View className='card demand-groups'>
      <Text className='section-label block'>居民反映的缺项</Text>
      {message && <Text className='form-error'>{message}</Text>}
      <StateView
        loading={groups.loading && !groups.data}
        error={groups.error}
        empty={(groups.data ?? []).length === 0}
        emptyText='暂无居民反映'
        onRetry={groups.reload}
      >
        {(groups.data ?? []).map((g) => (
          <View key={`${g.communityCode}|${g.category}`} className='demand-group'>
            <Text className='block demand-head'>
              {g.communityName} · 缺 {CATEGORY_BY_ID[g.category].name} · {g.count} 人反映（未解决 {g.open}）
            </Text>
            {g.reports
              .filter((r) => r.status !== 'resolved')
              .map((r) => (
                <View key={r.id} className='demand-report'>
                  {r.note && <Text className='muted block'>“{r.note}”</Text>}
                  <Input
                    className='form-input'
                    nativeProps={{ 'aria-label': '给居民的回复' }}
                    placeholder='给居民的回复（公开）'
                    value={reply[r.id] ?? r.reply ?? ''}
                    onInput={(e) => setReply((x) => ({ ...x, [r.id]: e.detail.value }))}
                  />
                  <Button disabled={update.busy || undefined} onClick={() => advance(r.id, NEXT[r.status] ?? r.status)}>
                    {STATUS[r.status]} → {STATUS[NEXT[r.status] ?? r.status]}
                  </Button>
                </View>
              ))}
          </View>
        ))}
      </StateView>
    </View>
  );
}
