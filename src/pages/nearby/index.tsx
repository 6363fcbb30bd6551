import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '@/types';
import OutletCard from '@/components/OutletCard';
import OutletMap from '@/components/OutletMap';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { usePaged } from '@/hooks/usePaged';
import { useTask } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { currentLocation } from '@/services/device';
import { go } from '@/services/navigation';
import Filters from './Filters';
import './index.scss';

interface Origin {
  lng: number;
  lat: number;
  label: string;
}

function originFromParams(params: Record<string, string | undefined>): Origin | null {
  const lng = Number(params.lng);
  const lat = Number(params.lat);
  if (!params.lng || !params.lat || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  return { lng, lat, label: decodeURIComponent(params.label ?? '') || '所选位置' };
}

/** A basic service asked for in the link (长辈版's home grid: "附近哪里能买菜"). */
function categoryFromParams(value: string | undefined): CategoryId | null {
  return (BASIC_CATEGORIES as readonly string[]).includes(value ?? '') ? (value as CategoryId) : null;
}

/** 附近: outlets within a ten-minute walk of a community or of the person, as a list or on a map. */
export default function NearbyPage() {
  const { params } = useRouter();
  const [origin, setOrigin] = useState<Origin | null>(() => originFromParams(params));
  const [category, setCategory] = useState<CategoryId | null>(() => categoryFromParams(params.category));
  const [openNow, setOpenNow] = useState(false);
  const [mode, setMode] = useState<'list' | 'map'>('list');
  const [sort, setSort] = useState<'distance' | 'score'>('distance');

  const list = usePaged(
    'outlets.nearby',
    origin
      ? {
          lng: origin.lng,
          lat: origin.lat,
          minutes: 10,
          ...(category ? { categories: [category] } : {}),
          ...(openNow ? { openAt: 'now' } : {}),
          ...(sort === 'score' ? { sort: 'score' as const } : {}),
        }
      : null,
  );

  const locate = useTask(currentLocation, {
    failure: '无法获取当前位置：请允许定位，或从首页选择一个社区',
    onSuccess: (pos) => setOrigin({ ...pos, label: '我的位置' }),
  });

  if (!origin)
    return (
      <Page name='nearby'>
        <View className='card'>
          <Text className='block'>查找步行 10 分钟内的{category ? CATEGORY_BY_ID[category].name : '便民服务'}</Text>
          <Button
            className='btn-primary locate'
            loading={locate.busy}
            disabled={locate.busy || undefined}
            onClick={() => locate.run(undefined)}
          >
            使用我的位置
          </Button>
          {locate.error && <Text className='form-error'>{locate.error}</Text>}
          <Text className='muted block'>也可以在首页选择街道和社区，从社区位置出发查找。</Text>
        </View>
      </Page>
    );

  return (
    <Page name='nearby'>
      <View className='card origin'>
        <Text className='origin-label'>从 {origin.label} 出发 · 步行 10 分钟内</Text>
        <View className='mode-switch'>
          <Text
            className={`mode ${mode === 'list' ? 'mode-on' : ''}`}
            {...pressable(mode === 'list')}
            onClick={() => setMode('list')}
          >
            列表
          </Text>
          <Text
            className={`mode ${mode === 'map' ? 'mode-on' : ''}`}
            {...pressable(mode === 'map')}
            onClick={() => setMode('map')}
          >
            地图
          </Text>
        </View>
      </View>
      <Filters category={category} onCategory={setCategory} openNow={openNow} onOpenNow={setOpenNow} />
      <View className='sort-switch'>
        <Text
          className={`mode ${sort === 'distance' ? 'mode-on' : ''}`}
          {...pressable(sort === 'distance')}
          onClick={() => setSort('distance')}
        >
          离我最近
        </Text>
        <Text
          className={`mode ${sort === 'score' ? 'mode-on' : ''}`}
          {...pressable(sort === 'score')}
          onClick={() => setSort('score')}
        >
          评分最高
        </Text>
      </View>
      {mode === 'map' && (
        <OutletMap center={[origin.lng, origin.lat]} views={list.items} onOpen={(id) => go('outlet', { id })} />
      )}
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.items.length === 0 ? list.error : null}
        empty={list.items.length === 0}
        emptyText={openNow ? '步行 10 分钟内暂无营业中的网点' : '步行 10 分钟内暂无符合条件的网点'}
        onRetry={list.reload}
      >
        <Text className='section-title block result-count'>
          {list.hasMore ? `已显示最近的 ${list.items.length} 个网点` : `共 ${list.items.length} 个网点`}
        </Text>
        {list.items.map((v) => (
          <OutletCard key={v.outlet.id} view={v} />
        ))}
        {list.error && <Text className='form-error'>{list.error.message}</Text>}
        {list.hasMore && (
          <Button className='load-more' onClick={list.loadMore} loading={list.loading}>
            加载更多
          </Button>
        )}
      </StateView>
    </Page>
  );
}
