import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CATEGORY_BY_ID, type Req } from '@/types';
import { describeRanges, WEEKDAYS } from '@/components/HoursEditor/week';
import OutletMap from '@/components/OutletMap';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { beijingTime } from '@/services/time';
import './index.scss';

type Decision = Req<'reviews.decide'>['decision'];

/** One outlet under review: its details, the changes waiting, the licence image and history; decide with a reason. */
export default function ReviewPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useAction('reviews.get', id ? { outletId: id } : null);
  const [reason, setReason] = useState('');
  const [decided, setDecided] = useState<string | null>(null);
  const decision = useMutation('reviews.decide', {
    invalidates: ['reviews.get', 'reviews.queue', 'outlets.nearby', 'outlets.get', 'merchants.mine', 'coverage.report'],
    success: '已处理',
    onSuccess: (res) => setDecided(`已处理：${res.statusName}`),
  });
  const message = decision.error ?? decided;
  const [image, setImage] = useState<string | null>(null);
  const d = detail.data;

  // The function answers a short-lived link to the licence image (locally signed, in the cloud a temporary URL).
  useEffect(() => setImage(d?.licenseUrl ?? null), [d?.licenseUrl]);

  function decide(choice: Decision) {
    setDecided(null);
    void decision.run({ outletId: id, decision: choice, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }

  if (!id)
    return (
      <Page name='review'>
        <StateView loading={false} error={null} empty emptyText='缺少网点参数' />
      </Page>
    );
  return (
    <Page name='review'>
      <StateView loading={detail.loading && !d} error={detail.error} onRetry={detail.reload}>
        {d && (
          <>
            <View className='card'>
              <View className='row'>
                <Text className='outlet-name'>{d.outlet.name}</Text>
                <Text className='badge badge-warn'>{d.statusName}</Text>
              </View>
              <Text className='block'>{d.outlet.address}</Text>
              <Text className='muted block'>{d.outlet.categories.map((c) => CATEGORY_BY_ID[c].name).join('、')}</Text>
              <View className='review-hours'>
                {d.outlet.hours.week.map((ranges, i) => (
                  <Text key={i} className='muted block'>
                    {WEEKDAYS[i]} {describeRanges(ranges)}
                  </Text>
                ))}
              </View>
              <Text className='muted block'>网点位置（地图中心）：</Text>
              <OutletMap center={d.outlet.location.coordinates} views={[]} onOpen={() => undefined} />
              {d.outlet.pendingChanges && (
                <View className='changes'>
                  <Text className='section-label block'>待审核的修改</Text>
                  {d.outlet.pendingChanges.name && <Text className='block'>名称 → {d.outlet.pendingChanges.name}</Text>}
                  {d.outlet.pendingChanges.address && (
                    <Text className='block'>地址 → {d.outlet.pendingChanges.address}</Text>
                  )}
                  {d.outlet.pendingChanges.location && (
                    <Text className='block'>位置 → 已在地图上改动，通过后以新位置为准</Text>
                  )}
                  {d.outlet.pendingChanges.categories && (
                    <Text className='block'>
                      类别 → {d.outlet.pendingChanges.categories.map((c) => CATEGORY_BY_ID[c].name).join('、')}
                    </Text>
                  )}
                </View>
              )}
            </View>
            {d.business && (
              <View className='card'>
                <Text className='section-label block'>营业执照</Text>
                <Text className='block'>{d.business.legalName}</Text>
                <Text className='muted block'>统一社会信用代码 {d.business.creditCode}</Text>
                <Text className='muted block'>
                  联系人 {d.business.contactName} · {d.business.contactPhone}
                </Text>
                {image && (
                  <Image className='licence-image' src={image} mode='aspectFit' nativeProps={{ alt: '营业执照照片' }} />
                )}
              </View>
            )}
            <View className='card'>
              <Text className='section-label block'>审核意见（退回、不通过、暂停时必填）</Text>
              <Textarea
                className='reason textarea'
                nativeProps={{ 'aria-label': '审核意见' }}
                value={reason}
                maxlength={200}
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className='decisions'>
                <Button className='btn-primary approve' onClick={() => decide('approve')}>
                  通过
                </Button>
                <Button className='request-changes' onClick={() => decide('requestChanges')}>
                  退回修改
                </Button>
                <Button className='reject' onClick={() => decide('reject')}>
                  不通过
                </Button>
                {d.outlet.status === 'approved' && <Button onClick={() => decide('suspend')}>暂停</Button>}
                {d.outlet.status === 'suspended' && <Button onClick={() => decide('reinstate')}>恢复</Button>}
              </View>
              {message && <Text className={`message block ${decision.error ? 'form-error' : ''}`}>{message}</Text>}
            </View>
            <View className='card'>
              <Text className='section-label block'>记录</Text>
              {d.history.map((h) => (
                <Text key={h.id} className='muted block'>
                  {beijingTime(h.at)} {h.from ?? '—'} → {h.to}（{h.kind}）{h.reason ? `：${h.reason}` : ''}
                </Text>
              ))}
            </View>
          </>
        )}
      </StateView>
    </Page>
  );
}
