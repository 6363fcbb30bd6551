import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { pressable } from '@/services/a11y';
import { go, setTitle } from '@/services/navigation';
import './index.scss';

type Filter = 'all' | 'located' | 'missing';
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'located', label: '已定位' },
  { key: 'missing', label: '位置待补充' },
];

/** A street: its communities, the unlocated ones badged 位置待补充. */
export default function StreetPage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const name = decodeURIComponent(params.name ?? '');
  const [filter, setFilter] = useState<Filter>('all');
  const communities = useAction('geo.communities', code ? { streetCode: code } : null);

  useEffect(() => {
    if (name) setTitle(name);
  }, [name]);

  const all = communities.data?.items ?? [];
  const shown = all.filter((c) => (filter === 'all' ? true : filter === 'located' ? c.location : !c.location));
  const missing = all.filter((c) => !c.location).length;

  if (!code)
    return (
      <Page name='street'>
        <StateView loading={false} error={null} empty emptyText='缺少街道参数' />
      </Page>
    );
  return (
    <Page name='street'>
      <View className='card'>
        <Text className='street-title'>{name || code}</Text>
        {communities.data && (
          <Text className='muted street-summary'>
            {all.length} 个社区 · 已定位 {all.length - missing} · 位置待补充 {missing}
          </Text>
        )}
        <Text className='link guideline-link' {...pressable()} onClick={() => go('guideline', { streetCode: code })}>
          本街道一街一则（建设导则）›
        </Text>
      </View>
      <View className='chips'>
        {FILTERS.map((f) => (
          <Text
            key={f.key}
            className={`chip ${filter === f.key ? 'chip-on' : ''}`}
            {...pressable(filter === f.key)}
            onClick={() => setFilter(f.key)}
          >
            {f.label}
          </Text>
        ))}
      </View>
      <StateView
        loading={communities.loading}
        error={communities.error}
        empty={shown.length === 0}
        emptyText={filter === 'missing' ? '本街道所有社区均已定位' : '暂无社区'}
        onRetry={communities.reload}
      >
        {shown.map((c) => (
          <View
            key={c.code}
            className='card community-item'
            {...pressable()}
            onClick={() => go('community', { code: c.code })}
          >
            <View className='row'>
              <Text className='community-name'>{c.name}</Text>
              {c.location ? (
                <Text className='badge badge-ok'>✓ 已定位</Text>
              ) : (
                <Text className='badge badge-warn'>! 位置待补充</Text>
              )}
            </View>
            <Text className='muted'>社区代码 {c.code}</Text>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
