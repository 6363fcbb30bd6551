import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { EvaluationThresholds } from '@/types';
import FormField from '@/components/FormField';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { beijingDateTime } from '@/services/time';

const FIELDS: { key: keyof EvaluationThresholds; label: string; percent?: boolean }[] = [
  { key: 'qualityFormats', label: '品质提升类业态至少（种）' },
  { key: 'satisfiedShare', label: '居民满意度至少（%）', percent: true },
  { key: 'minAnswers', label: '满意度问卷至少回答（份）' },
  { key: 'answerDays', label: '诉求答复期限（天）' },
  { key: 'answeredShare', label: '按时答复率至少（%）', percent: true },
];

/** The admin's evaluation thresholds: one document, each change a new version (the history is listed). */
export default function ConfigForm() {
  const config = useAction('supervision.config', {});
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useMutation('supervision.setConfig', {
    invalidates: ['supervision.config', 'supervision.evaluation'],
    success: '已保存评价标准',
  });
  const current = config.data?.current;
  useEffect(() => {
    if (!current) return;
    const t = current.thresholds;
    setValues(
      Object.fromEntries(FIELDS.map((f) => [f.key, String(f.percent ? Math.round(t[f.key] * 100) : t[f.key])])),
    );
  }, [current]);
  const submit = () => {
    const thresholds = Object.fromEntries(
      FIELDS.map((f) => [f.key, f.percent ? Number(values[f.key]) / 100 : Number(values[f.key])]),
    ) as unknown as EvaluationThresholds;
    void save.run({ thresholds });
  };
  return (
    <View className='card config-form'>
      <Text className='section-label block'>生活圈评价标准</Text>
      <StateView loading={config.loading && !current} error={config.error} onRetry={config.reload}>
        {FIELDS.map((f) => (
          <FormField
            key={f.key}
            name={`threshold-${f.key}`}
            label={f.label}
            type='digit'
            value={values[f.key] ?? ''}
            error={save.fieldErrors[`thresholds.${f.key}`]}
            onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))}
          />
        ))}
        <Button className='btn-primary' loading={save.busy} onClick={submit}>
          保存评价标准
        </Button>
        {save.formError && <Text className='form-error block'>{save.formError}</Text>}
        {(config.data?.history ?? []).slice(0, 5).map((h) => (
          <Text key={h.version} className='muted block'>
            第 {h.version} 版 · {beijingDateTime(h.updatedAt)}
            {h.note ? ` · ${h.note}` : ''}
          </Text>
        ))}
      </StateView>
    </View>
  );
}
