import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { BRAND_NAMES, CATEGORY_BY_ID } from '@/types';
import { setTitle } from '@/services/navigation';
import CopyLink from '@/components/CopyLink';
import DesignationBadge from '@/components/DesignationBadge';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useElder } from '@/hooks/useElder';
import { callPhone, openMap } from '@/services/device';
import { paymentsCashFirst } from './payment';
import Reviews from './Reviews';
import { useShare } from '@/hooks/useShare';
import './index.scss';

/** One outlet: today's hours and whether it is open (Beijing time), the week, services, payment, access, call. */
export default function OutletPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useAction('outlets.get', id ? { id } : null);
  const d = detail.data;
  useShare(d ? `便民网点：${d.outlet.name}` : '便民网点', 'outlet', { id });
  const { elder } = useElder();
  useEffect(() => {
    if (d) setTitle(d.outlet.name);
  }, [d]);

  if (!id)
    return (
      <Page name='outlet'>
        <StateView loading={false} error={null} empty emptyText='缺少网点参数' />
      </Page>
    );
  const phone = d?.outlet.phone ?? null;
  return (
    <Page name='outlet'>
      <StateView loading={detail.loading && !d} error={detail.error} onRetry={detail.reload}>
        {d && (
          <>
            <View className='card'>
              <View className='row'>
                <Text className='outlet-title'>{d.outlet.name}</Text>
                {d.outlet.demo && <Text className='badge badge-demo'>演示数据</Text>}
              </View>
              <DesignationBadge kind='outlet' targetId={d.outlet.id} manage />
              <DesignationBadge kind='business' targetId={d.outlet.id} manage={d.outlet.source === 'merchant'} />
              <Text className='muted block'>{d.outlet.categories.map((c) => CATEGORY_BY_ID[c].name).join(' · ')}</Text>
              <Text className='block'>{d.outlet.address}</Text>
              {d.outlet.brand && <Text className='badge badge-ok brand'>{BRAND_NAMES[d.outlet.brand]}</Text>}
              {d.outlet.accessible && <Text className='badge badge-info accessible'>♿ 无障碍</Text>}
            </View>

            {elder && phone && (
              <Button
                className='btn-primary call-big'
                aria-label={`拨打电话 ${phone}`}
                onClick={() => callPhone(phone)}
              >
                📞 拨打电话
              </Button>
            )}

            <View className='card'>
              <View className='row'>
                <Text className='section-label'>今日营业时间</Text>
                <Text className={`today-state ${d.openNow ? 'open' : 'closed'}`}>
                  {d.openNow ? '● 营业中' : '○ 休息中'}
                </Text>
              </View>
              <Text className='today-hours block'>{d.todayHours}</Text>
              <View className='week'>
                {d.week.map((w) => (
                  <View key={w.day} className='row week-row'>
                    <Text className='muted'>{w.day}</Text>
                    <Text className='muted'>{w.hours}</Text>
                  </View>
                ))}
              </View>
              {d.outlet.hours.holidayNote && <Text className='muted block'>节假日：{d.outlet.hours.holidayNote}</Text>}
            </View>

            <View className='card score-card'>
              <View className='row'>
                <Text className='score-value'>{d.score ? d.score.bayes.toFixed(1) : '—'}</Text>
                <Text className='muted'>{d.score ? `${d.score.count} 条评价（贝叶斯平均分）` : '暂无评分'}</Text>
              </View>
              {d.histogram.some((n) => n > 0) &&
                [5, 4, 3, 2, 1].map((n) => {
                  const count = d.histogram[n - 1];
                  const total = d.histogram.reduce((a, b) => a + b, 0);
                  return (
                    <View key={n} className='row hist-row'>
                      <Text className='muted hist-label'>{n} 星</Text>
                      <View className='hist-bar'>
                        <View className='hist-fill' style={{ width: `${total ? (100 * count) / total : 0}%` }} />
                      </View>
                      <Text className='muted hist-count'>{count}</Text>
                    </View>
                  );
                })}
            </View>

            <View className='card'>
              <Text className='section-label block'>服务与设施</Text>
              {d.outlet.goods.length > 0 && <Text className='block'>一店多能：{d.outlet.goods.join('、')}</Text>}
              {d.outlet.services.length > 0 && <Text className='block'>一点多用：{d.outlet.services.join('、')}</Text>}
              <Text className='block payment'>支付方式：{paymentsCashFirst(d.outlet.payment).join('、')}</Text>
              <Text className='block'>无障碍：{d.outlet.accessible ? '有无障碍设施' : '暂无无障碍设施'}</Text>
            </View>

            <Reviews outletId={id} own={d.mine} />

            <View className='actions'>
              {phone && !elder && (
                <Button className='btn-primary' onClick={() => callPhone(phone)}>
                  拨打电话
                </Button>
              )}
              {process.env.TARO_ENV === 'weapp' && (
                <Button
                  className='btn-secondary'
                  onClick={() =>
                    openMap({
                      lng: d.outlet.location.coordinates[0],
                      lat: d.outlet.location.coordinates[1],
                      name: d.outlet.name,
                      address: d.outlet.address,
                    })
                  }
                >
                  查看位置与导航
                </Button>
              )}
            </View>
          </>
        )}
      </StateView>
      <CopyLink name='outlet' params={{ id }} />
    </Page>
  );
}
