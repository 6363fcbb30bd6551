import { Button, Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { go } from '@/services/navigation';
import { beijingTime } from '@/services/time';
import './index.scss';

const KIND = {
  submitted: '已提交审核',
  status: '',
  'changes-approved': '修改已通过',
  'changes-rejected': '修改未通过',
} as const;
const STATUS_CLASS: Record<string, string> = {
  approved: 'badge-ok',
  pending: 'badge-warn',
  changes_requested: 'badge-warn',
  rejected: 'badge-bad',
  suspended: 'badge-bad',
  closed: 'badge-bad',
};

/** My businesses and outlets: each outlet's review result and reason (the merchant's notifications), edit, close. */
export default function MerchantOutletsPage() {
  const mine = useAction('merchants.mine', {});
  const setClosed = useMutation('merchants.setClosed', {
    invalidates: ['merchants.mine', 'outlets.get', 'outlets.nearby'],
    success: (_, req) => (req.closed ? '已暂停营业' : '已恢复营业'),
  });
  const error = setClosed.error;
  usePullDownRefresh(() => mine.reload());
  // Back from editing or adding: show what was just saved, not the answer remembered before.
  useDidShow(() => mine.reload());
  useEffect(() => {
    if (!mine.loading) stopPullDownRefresh();
  }, [mine.loading]);

  const d = mine.data;
  return (
    <Page name='merchant-outlets'>
      <Button className='btn-primary' onClick={() => go('merchantRegister')}>
        登记营业执照 / 添加网点
      </Button>
      {error && <Text className='form-error'>{error}</Text>}
      <StateView
        loading={mine.loading && !d}
        error={mine.error}
        empty={(d?.outlets ?? []).length === 0}
        emptyText='还没有登记网点'
        onRetry={mine.reload}
      >
        {(d?.businesses ?? []).map((b) => (
          <View key={b.id} className='row biz'>
            <Text className='muted'>
              {b.legalName} · 执照号 {b.creditCode}
            </Text>
            <Button className='add-for-licence' onClick={() => go('merchantRegister', { business: b.id })}>
              为此执照新增网点
            </Button>
          </View>
        ))}
        {(d?.outlets ?? []).map(({ outlet, statusName, history }) => (
          <View key={outlet.id} className='card my-outlet'>
            <View className='row'>
              <Text className='outlet-name'>{outlet.pendingChanges?.name ?? outlet.name}</Text>
              <Text className={`badge ${STATUS_CLASS[outlet.status] ?? ''}`}>{statusName}</Text>
            </View>
            <Text className='muted block'>{outlet.pendingChanges?.address ?? outlet.address}</Text>
            {outlet.reviewNote && <Text className='review-note block'>审核意见：{outlet.reviewNote}</Text>}
            {outlet.pendingChanges && (
              <Text className='muted block'>
                修改正在审核，通过前居民看到的仍是原信息{outlet.pendingChanges.name ? `（${outlet.name}）` : ''}
              </Text>
            )}
            {outlet.temporarilyClosed && <Text className='badge badge-warn'>暂停营业中</Text>}
            <View className='history'>
              {history.map((h) => (
                <Text key={h.id} className='muted block'>
                  {beijingTime(h.at)}{' '}
                  {KIND[h.kind] ||
                    `审核结果：${h.to === 'approved' ? '通过' : h.to === 'rejected' ? '未通过' : h.to === 'changes_requested' ? '需修改' : h.to === 'suspended' ? '暂停' : h.to === 'closed' ? '关闭' : '重新提交'}`}
                  {h.reason ? `（${h.reason}）` : ''}
                </Text>
              ))}
            </View>
            {outlet.status !== 'closed' && (
              <View className='row actions'>
                <Button onClick={() => go('merchantEdit', { id: outlet.id })}>编辑</Button>
                {outlet.status === 'approved' && (
                  <Button
                    disabled={setClosed.busy || undefined}
                    onClick={() => setClosed.run({ id: outlet.id, closed: !outlet.temporarilyClosed })}
                  >
                    {outlet.temporarilyClosed ? '恢复营业' : '暂停营业'}
                  </Button>
                )}
              </View>
            )}
          </View>
        ))}
      </StateView>
    </Page>
  );
}
