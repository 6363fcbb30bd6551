import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

/**
 * A street worker places the street's communities that have no location yet (位置待补充) and are in no circle into
 * one of the street's circles: they then count in the circle's plan (not yet in its convenience index).
 */
export default function PlaceCommunitiesPage() {
  const me = useMe();
  const street = me.user?.scope?.streetCode ?? null;
  const communities = usePaged('geo.communities', street ? { streetCode: street } : null);
  const circles = useAction('circles.list', street ? { streetCode: street } : null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const place = useMutation('circles.save', {
    invalidates: ['circles.list', 'circles.get', 'geo.communities', 'geo.community'],
    success: '已放入生活圈',
  });
  const { hasMore, loading, loadMore } = communities;
  useEffect(() => {
    if (hasMore && !loading) loadMore();
  }, [hasMore, loading, loadMore]);
  useDidShow(() => communities.reload());

  if (!me.loading && me.role !== 'worker')
    return (
      <Page name='place-communities'>
        <StateView loading={false} error={null} empty emptyText='只有街道工作人员可以安排本街道的社区' />
      </Page>
    );
  const ten = (circles.data ?? []).map((x) => x.circle).filter((c) => c.minutes !== 15);
  const waiting = communities.items.filter((c) => !c.location && !c.circleId);
  const unlocatedIn = (id: string) => communities.items.filter((c) => !c.location && c.circleId === id);
  const put = (code: string) => {
    const circle = ten.find((c) => c.id === choice[code]);
    if (!circle) return place.fail('请先选择生活圈');
    // Only the community is sent: a placement made meanwhile (by a colleague, or just before) is kept.
    void place.run({ op: 'update', id: circle.id, addMembers: [code] });
  };
  return (
    <Page name='place-communities'>
      <View className='card'>
        <Text className='muted block'>
          以下社区还没有位置（位置待补充），也不在任何生活圈中。请为每个社区选择它所属的生活圈：放入后计入该圈的规划，
          补充位置后再计入便利性指数。
        </Text>
      </View>
      <StateView
        loading={(communities.loading && communities.items.length === 0) || (circles.loading && !circles.data)}
        error={communities.error ?? circles.error}
        empty={waiting.length === 0}
        emptyText='本街道没有待安排的社区'
        onRetry={() => {
          communities.reload();
          circles.reload();
        }}
      >
        {place.error && <Text className='form-error block'>{place.error}</Text>}
        {ten.length === 0 && <Text className='muted block'>本街道还没有十分钟生活圈</Text>}
        {waiting.map((c) => (
          <View key={c.code} className={`card place-item place-${c.code}`}>
            <View className='row'>
              <Text className='place-name'>{c.name}</Text>
              <Text className='badge badge-warn'>位置待补充</Text>
            </View>
            <Text className='muted block'>放入生活圈：</Text>
            <View className='chips-wrap'>
              {ten.map((circle) => (
                <Text
                  key={circle.id}
                  className={`chip ${choice[c.code] === circle.id ? 'chip-on' : ''}`}
                  {...pressable(choice[c.code] === circle.id)}
                  onClick={() => setChoice((x) => ({ ...x, [c.code]: circle.id }))}
                >
                  {circle.name}
                </Text>
              ))}
            </View>
            <Button
              className='btn-primary place-submit'
              loading={place.busy}
              disabled={place.busy || undefined}
              onClick={() => put(c.code)}
            >
              放入 {c.name}
            </Button>
          </View>
        ))}
      </StateView>
      {ten.some((circle) => unlocatedIn(circle.id).length > 0) && (
        <View className='card placed'>
          <Text className='section-label block'>生活圈中位置待补充的社区</Text>
          {ten.map((circle) =>
            unlocatedIn(circle.id).length === 0 ? null : (
              <View
                key={circle.id}
                className='placed-circle'
                {...pressable()}
                onClick={() => go('circle', { id: circle.id })}
              >
                <Text className='block'>{circle.name}</Text>
                <Text className='muted block'>
                  {unlocatedIn(circle.id)
                    .map((m) => m.name)
                    .join('、')}
                </Text>
              </View>
            ),
          )}
        </View>
      )}
    </Page>
  );
}
