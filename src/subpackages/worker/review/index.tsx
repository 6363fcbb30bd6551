import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CATEGORY_BY_ID, type OutletStatus, type Req } from '@/types';
import { describeRanges, WEEKDAYS } from '@/components/HoursEditor/week';
import OutletMap from '@/components/OutletMap';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { confirmAction } from '@/services/device';
import { beijingTime } from '@/services/time';
import './index.scss';

type Decision = Req<'reviews.decide'>['decision'];

/** The outlet's states in words (as the server names them). */
const STATUS_WORDS: Record<OutletStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  changes_requested: '需修改',
  suspended: '已暂停',
  closed: '已关闭',
};

/** The decisions a reviewer can still take in each state (the server refuses any other). */
function decisionsFor(status: OutletStatus, changesWaiting: boolean): Decision[] {
  if (status === 'pending') return ['approve', 'requestChanges', 'reject'];
  if (status === 'approved') return changesWaiting ? ['approve', 'reject', 'suspend', 'close'] : ['suspend', 'close'];
  if (status === 'suspended') return ['reinstate', 'close'];
  if (status === 'changes_requested') return ['close'];
  return [];
}

const DECISION_LABEL: Record<Decision, string> = {
  approve: '通过',
  requestChanges: '退回修改',
  reject: '不通过',
  suspend: '暂停',
  reinstate: '恢复',
  close: '关闭网点',
};

/** Decisions that take an outlet away from residents: asked again before they are sent. */
const DESTRUCTIVE: Partial<Record<Decision, string>> = {
  reject: '确定不通过这家网点吗？',
  suspend: '暂停后居民将看不到这家网点，确定吗？',
  close: '关闭后网点不能再恢复，确定吗？',
};

/** One line of the record: when (Beijing time), who (in role words), what. */
function historyLine(h: { at: string; byRole: string; from: OutletStatus | null; to: OutletStatus; kind: string }) {
  const what =
    h.kind === 'submitted'
      ? '提交审核'
      : h.kind === 'changes-approved'
        ? '修改内容已通过'
        : h.kind === 'changes-rejected'
          ? '修改内容未通过'
          : `${h.from ? STATUS_WORDS[h.from] : '新提交'} → ${STATUS_WORDS[h.to]}`;
  return `${beijingTime(h.at)} · ${h.byRole}：${what}`;
}

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
  const decisions = d ? decisionsFor(d.outlet.status, !!d.outlet.pendingChanges) : [];

  // The function answers a short-lived link to the licence image (locally signed, in the cloud a temporary URL).
  useEffect(() => setImage(d?.licenseUrl ?? null), [d?.licenseUrl]);

  async function decide(choice: Decision) {
    setDecided(null);
    const ask = DESTRUCTIVE[choice];
    if (ask && !(await confirmAction(DECISION_LABEL[choice], ask))) return;
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
              <OutletMap
                center={d.outlet.location.coordinates}
                place={{ name: d.outlet.name }}
                streetCode={d.outlet.streetCode}
              />
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
            {decisions.length > 0 && (
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
                  {decisions.map((c) => (
                    <Button
                      key={c}
                      className={`decision-${c} ${c === 'approve' ? 'btn-primary approve' : ''}`}
                      disabled={decision.busy || undefined}
                      onClick={() => void decide(c)}
                    >
                      {c === 'approve' && d.outlet.status === 'approved'
                        ? '通过修改'
                        : c === 'reject' && d.outlet.status === 'approved'
                          ? '不通过修改'
                          : DECISION_LABEL[c]}
                    </Button>
                  ))}
                </View>
              </View>
            )}
            {message && <Text className={`message block ${decision.error ? 'form-error' : ''}`}>{message}</Text>}
            {decisions.length === 0 && (
              <Text className='muted block no-decision'>该网点{d.statusName}，无需审核。</Text>
            )}
            <View className='card'>
              <Text className='section-label block'>记录</Text>
              {d.history.map((h) => (
                <Text key={h.id} className='muted block history-line'>
                  {historyLine(h)}
                  {h.reason ? `（${h.reason}）` : ''}
                </Text>
              ))}
            </View>
          </>
        )}
      </StateView>
    </Page>
  );
}
