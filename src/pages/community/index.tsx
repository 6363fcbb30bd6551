import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import OutletMap from '@/components/OutletMap';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { go, setTitle } from '@/services/navigation';
import { beijingDateTime } from '@/services/time';
import LocationForm from '@/components/CommunityLocationForm';
import './index.scss';

/** A community: where it is (or that its location is still needed), and for its workers, setting it. */
export default function CommunityPage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const detail = useAction('geo.community', code ? { code } : null);
  const { reload } = detail;

  const c = detail.data?.community;
  useEffect(() => {
    if (c) setTitle(c.name);
  }, [c]);

  if (!code)
    return (
      <Page name='community'>
        <StateView loading={false} error={null} empty emptyText='缺少社区参数' />
      </Page>
    );
  return (
    <Page name='community'>
      <StateView loading={detail.loading && !c} error={detail.error} onRetry={reload}>
        {c && (
          <>
            <View className='card'>
              <Text className='community-title'>{c.name}</Text>
              <Text className='muted block'>
                {c.streetName} · 社区代码 {c.code}
              </Text>
            </View>
            <View className='card'>
              <Text className='section-label'>位置</Text>
              {c.location ? (
                <>
                  <Text className='badge badge-ok location-state'>✓ 已定位</Text>
                  <Text className='block place-name'>
                    位于{c.streetName}；地图中心为社区居委会，圆圈约为步行 10 分钟的范围
                  </Text>
                  <OutletMap center={c.location.coordinates} views={[]} onOpen={() => undefined} />
                  <Text className='muted block'>
                    {c.locationSource === 'worker' && c.locationSetAt
                      ? `由工作人员设置于 ${beijingDateTime(c.locationSetAt)}`
                      : '来源：公开行政区划点位数据（2016）'}
                  </Text>
                </>
              ) : (
                <>
                  <Text className='badge badge-warn location-state'>! 位置待补充</Text>
                  <Text className='muted block'>
                    公开数据中没有该社区的位置，需由本街道工作人员补充；补充前不计入覆盖率统计。
                  </Text>
                </>
              )}
            </View>
            {c.location && (
              <Button
                className='btn-primary nearby-link'
                onClick={() =>
                  go('nearby', {
                    lng: String(c.location?.coordinates[0]),
                    lat: String(c.location?.coordinates[1]),
                    label: c.name,
                  })
                }
              >
                步行 10 分钟内的便民服务
              </Button>
            )}
            {detail.data?.canSetLocation && <LocationForm community={c} />}
          </>
        )}
      </StateView>
    </Page>
  );
}
