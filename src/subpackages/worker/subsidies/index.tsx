import { Button, Text, View } from '@tarojs/components';
import { SUBSIDY_FORM_NAMES, SUBSIDY_STATUS_NAMES } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

/** Records of public support (项目补助 / 以奖代补): the admin's all, a worker's street's; never shown to residents. */
export default function SubsidiesPage() {
  const { role } = useMe();
  const list = usePaged('subsidies.list', role === 'worker' || role === 'admin' ? {} : null);
  return (
    <Page name='subsidies'>
      <View className='tools'>
        {role === 'admin' && (
          <Button className='btn-primary new-subsidy' onClick={() => go('subsidyEdit')}>
            新增补助记录
          </Button>
        )}
        <Button className='assessments-link' onClick={() => go('assessments')}>
          考核结果
        </Button>
      </View>
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.error}
        empty={list.items.length === 0}
        emptyText='还没有补助记录'
        onRetry={list.reload}
      >
        {list.items.map((s) => (
          <View
            key={s.id}
            className='card subsidy-item'
            {...pressable()}
            onClick={() => go('subsidyEdit', { id: s.id })}
          >
            <Text className='project-name block'>{s.projectName}</Text>
            <Text className='block'>{s.businessName}</Text>
            <Text className='muted block'>
              {s.year} 年 · {SUBSIDY_FORM_NAMES[s.form]} · {s.amountYuan} 元 · {SUBSIDY_STATUS_NAMES[s.status]} ·{' '}
              {s.outletIds.length} 个网点
            </Text>
          </View>
        ))}
        {list.hasMore && <Button onClick={list.loadMore}>加载更多</Button>}
      </StateView>
    </Page>
  );
}
