import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  INSPECTION_CHECK_NAMES,
  INSPECTION_CHECKS,
  INSPECTION_RESULT_NAMES,
  INSPECTION_RESULTS,
  type InspectionCheck,
  type InspectionResult,
} from '@/types';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { beijingDate } from '@/services/time';
import AssessmentCard from './AssessmentCard';
import './index.scss';

/** One outlet's supervision: record an inspection (食品安全、消防安全、安全生产), see past inspections and assessments. */
export default function SupervisionPage() {
  const { params } = useRouter();
  const outletId = params.outletId ?? '';
  const data = useAction('subsidies.outlet', outletId ? { outletId } : null);
  const [date, setDate] = useState(() => beijingDate(new Date()));
  const [results, setResults] = useState<Partial<Record<InspectionCheck, InspectionResult>>>({});
  const [note, setNote] = useState('');
  const inspect = useMutation('subsidies.inspect', {
    invalidates: ['subsidies.outlet'],
    success: '检查记录已保存',
    onSuccess: () => {
      setResults({});
      setNote('');
    },
  });
  const submit = () => {
    const checks = INSPECTION_CHECKS.filter((c) => results[c]).map((c) => ({ check: c, result: results[c]! }));
    if (checks.length === 0) return inspect.fail('请至少填写一项检查结果', 'checks');
    void inspect.run({ outletId, date: date.trim(), checks, note });
  };
  const d = data.data;

  return (
    <Page name='supervision'>
      <StateView
        loading={data.loading && !d}
        error={data.error}
        empty={!outletId}
        emptyText='未找到该网点'
        onRetry={data.reload}
      >
        {d && (
          <>
            <View className='card'>
              <Text className='section-title block'>{d.outlet.name}</Text>
              <Text className='muted block'>{d.outlet.address}</Text>
              <Text className='block'>{d.supported ? '受政府资金补助' : '未受补助'}</Text>
            </View>
            <View className='card inspection-form'>
              <Text className='section-label block'>录入检查</Text>
              <FormField
                name='date'
                label='检查日期'
                value={date}
                error={inspect.fieldErrors.date}
                onChange={setDate}
              />
              {INSPECTION_CHECKS.map((c) => (
                <View key={c} className='check-row'>
                  <Text className='form-label block'>{INSPECTION_CHECK_NAMES[c]}</Text>
                  <View className='chips-wrap' role='group' aria-label={INSPECTION_CHECK_NAMES[c]}>
                    {INSPECTION_RESULTS.map((r) => (
                      <Text
                        key={r}
                        className={`chip check-${c}-${r} ${results[c] === r ? 'chip-on' : ''}`}
                        {...pressable(results[c] === r)}
                        onClick={() => setResults((x) => ({ ...x, [c]: x[c] === r ? undefined : r }))}
                      >
                        {INSPECTION_RESULT_NAMES[r]}
                      </Text>
                    ))}
                  </View>
                </View>
              ))}
              <Text className='form-label block'>备注</Text>
              <Textarea
                className='note textarea'
                nativeProps={{ 'aria-label': '检查备注' }}
                value={note}
                maxlength={300}
                onInput={(e) => setNote(e.detail.value)}
              />
              {inspect.error && <Text className='form-error block'>{inspect.error}</Text>}
              <Button className='btn-primary save' disabled={inspect.busy || undefined} onClick={submit}>
                保存检查记录
              </Button>
            </View>
            <View className='card'>
              <Text className='section-label block'>检查记录</Text>
              {d.inspections.length === 0 && <Text className='muted block'>还没有检查记录</Text>}
              {d.inspections.map((i) => (
                <Text key={i.id} className='inspection block'>
                  {i.date}：
                  {i.checks
                    .map((c) => `${INSPECTION_CHECK_NAMES[c.check]}${INSPECTION_RESULT_NAMES[c.result]}`)
                    .join('，')}
                  {i.note ? `（${i.note}）` : ''}
                  {i.byName ? ` · 检查人：${i.byName}` : ''}
                </Text>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>考核记录</Text>
              {d.assessments.length === 0 && <Text className='muted block'>还没有考核记录</Text>}
              {d.assessments.map((a) => (
                <AssessmentCard key={a.id} assessment={a} />
              ))}
            </View>
          </>
        )}
      </StateView>
    </Page>
  );
}
