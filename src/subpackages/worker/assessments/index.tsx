import { Button, Text, View } from '@tarojs/components';
import { ASSESSMENT_PERIOD_NAMES, ASSESSMENT_PERIODS } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

/** The assessments of the current period, lowest score first; the admin sets the period and runs them now. */
export default function AssessmentsPage() {
  const { role } = useMe();
  const staff = role === 'worker' || role === 'admin';
  // The period and its name come with the first page; the results are read page by page (a period can hold more
  // supported outlets than one page).
  const list = useAction('subsidies.assessments', staff ? {} : null);
  const items = usePaged('subsidies.assessments', staff ? {} : null);
  const assess = useMutation('subsidies.assess', {
    invalidates: ['subsidies.assessments', 'subsidies.outlet', 'subsidies.get'],
    success: (r) => `已考核 ${r.assessed} 个网点，${r.failed} 个不合格`,
  });
  const setPeriod = useMutation('subsidies.setPeriod', {
    invalidates: ['subsidies.assessments'],
    success: '考核周期已更新',
  });
  const d = list.data;

  return (
    <Page name='assessments'>
      {role === 'admin' && d && (
        <View className='card'>
          <Text className='form-label block'>考核周期</Text>
          <View className='chips-wrap' role='group' aria-label='考核周期'>
            {ASSESSMENT_PERIODS.map((p) => (
              <Text
                key={p}
                className={`chip period-${p} ${d.period === p ? 'chip-on' : ''}`}
                {...pressable(d.period === p)}
                onClick={() => setPeriod.run({ period: p })}
              >
                {ASSESSMENT_PERIOD_NAMES[p]}
              </Text>
            ))}
          </View>
          <View className='tools'>
            <Button className='btn-primary run-now' disabled={assess.busy || undefined} onClick={() => assess.run({})}>
              立即考核本期
            </Button>
          </View>
          {(assess.error ?? setPeriod.error) && (
            <Text className='form-error block'>{assess.error ?? setPeriod.error}</Text>
          )}
        </View>
      )}
      {d && <Text className='section-title block'>{d.label}</Text>}
      <StateView
        loading={(list.loading && !d) || (items.loading && items.items.length === 0)}
        error={list.error ?? items.error}
        empty={items.items.length === 0}
        emptyText='本期还没有考核结果'
        onRetry={() => {
          list.reload();
          items.reload();
        }}
      >
        {items.items.map((a) => (
          <View
            key={a.id}
            className='card assessment-item'
            {...pressable()}
            onClick={() => go('supervision', { outletId: a.outletId })}
          >
            <Text className='block'>{a.outletName}</Text>
            <Text className={`badge ${a.passed ? 'badge-ok' : 'badge-warn'}`}>
              {a.score} 分 · {a.passed ? '合格' : '不合格'}
            </Text>
            {!a.passed && <Text className='muted block'>{a.reasons.join('；')}</Text>}
          </View>
        ))}
        {items.hasMore && (
          <Button className='more' disabled={items.loading || undefined} onClick={items.loadMore}>
            加载更多
          </Button>
        )}
      </StateView>
    </Page>
  );
}
