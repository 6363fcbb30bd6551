import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import LocationForm from '@/components/CommunityLocationForm';
import './index.scss';

/**
 * A street worker's list of the street's communities still without a location (位置待补充), with how many remain;
 * each is located on the map picker, and the count goes down as they are saved.
 */
export default function CommunityLocatePage() {
  const me = useMe();
  const admin = me.user?.role === 'admin';
  const [chosenStreet, setChosenStreet] = useState<string | null>(null);
  // A worker locates their own street's communities; an admin chooses a street first.
  const street = me.user?.role === 'worker' ? (me.user.scope?.streetCode ?? null) : admin ? chosenStreet : null;
  const list = usePaged('geo.communities', street ? { streetCode: street } : null);
  const streets = useAction('geo.streets', {});
  const [open, setOpen] = useState<string | null>(null);

  if (me.loading && !me.user)
    return (
      <Page name='community-locate'>
        <StateView loading error={null} />
      </Page>
    );
  if (admin && !street)
    return (
      <Page name='community-locate'>
        <View className='card'>
          <Text className='section-label block'>选择街道</Text>
          <View className='chips-wrap'>
            {(streets.data ?? []).map((s) => (
              <Text key={s.code} className='chip' {...pressable(false)} onClick={() => setChosenStreet(s.code)}>
                {s.name}（{s.communityCount - s.locatedCount} 个待补充）
              </Text>
            ))}
          </View>
        </View>
      </Page>
    );
  if (!street)
    return (
      <Page name='community-locate'>
        <StateView loading={false} error={null} empty emptyText='请以街道工作人员身份登录' />
      </Page>
    );
  const streetName = streets.data?.find((s) => s.code === street)?.name ?? '本街道';
  const missing = list.items.filter((c) => !c.location);
  const loaded = !list.loading || list.items.length > 0;
  return (
    <Page name='community-locate'>
      <View className='card'>
        <Text className='section-label block'>{streetName}</Text>
        <Text className='remaining block'>
          {loaded ? `还有 ${missing.length} 个社区待补充位置` : '正在统计待补充位置的社区…'}
        </Text>
        <Text className='muted block'>补充位置后，该社区计入步行覆盖统计，居民可从社区出发查找附近服务。</Text>
      </View>
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.error}
        empty={loaded && missing.length === 0}
        emptyText='本街道所有社区都已定位'
        onRetry={list.reload}
      >
        {missing.map((c) => (
          <View key={c.code} className={`card unlocated unlocated-${c.code}`}>
            <View
              className='row locate-row'
              {...pressable(open === c.code)}
              onClick={() => setOpen(open === c.code ? null : c.code)}
            >
              <Text className='community-name'>{c.name}</Text>
              <Text className='badge badge-warn'>位置待补充</Text>
            </View>
            {open === c.code && <LocationForm community={c} onSaved={() => setOpen(null)} />}
          </View>
        ))}
        {list.hasMore && (
          <Button className='load-more' onClick={list.loadMore} loading={list.loading}>
            加载更多
          </Button>
        )}
      </StateView>
    </Page>
  );
}
