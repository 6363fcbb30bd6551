import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  SUBSIDY_FORM_NAMES,
  SUBSIDY_FORMS,
  SUBSIDY_STATUS_NAMES,
  SUBSIDY_STATUSES,
  type OutletStatus,
  type SubsidyForm,
  type SubsidyStatus,
} from '@/types';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { go, replace } from '@/services/navigation';
import './index.scss';

const STATUS_WORDS: Record<OutletStatus, string> = {
  pending: '待审核',
  approved: '营业中',
  rejected: '未通过',
  changes_requested: '待修改',
  suspended: '已暂停',
  closed: '已关闭',
};

const EMPTY = { projectName: '', creditCode: '', amount: '', year: '2026', purpose: '' };

/** A record of support: the admin enters or edits it; a worker of the street reads it and reaches its outlets. */
export default function SubsidyEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { role } = useMe();
  const detail = useAction('subsidies.get', id ? { id } : null);
  const [f, setF] = useState(EMPTY);
  const [form, setForm] = useState<SubsidyForm>('project');
  const [status, setStatus] = useState<SubsidyStatus>('approved');
  const s = detail.data?.subsidy;
  useEffect(() => {
    if (!s) return;
    setF({
      projectName: s.projectName,
      creditCode: s.creditCode,
      amount: String(s.amountYuan),
      year: String(s.year),
      purpose: s.purpose,
    });
    setForm(s.form);
    setStatus(s.status);
  }, [s]);
  const save = useMutation('subsidies.save', {
    invalidates: ['subsidies.list', 'subsidies.get'],
    success: '已保存',
    onSuccess: () => replace('subsidies'),
  });
  const set = (k: keyof typeof EMPTY) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = () =>
    save.run({
      ...(id ? { id, outletIds: s?.outletIds } : {}),
      projectName: f.projectName,
      creditCode: f.creditCode.trim().toUpperCase(),
      form,
      amountYuan: Number(f.amount),
      year: Number(f.year),
      purpose: f.purpose,
      status,
    });
  const admin = role === 'admin';

  return (
    <Page name='subsidy-edit'>
      <StateView loading={!!id && detail.loading && !detail.data} error={detail.error} onRetry={detail.reload}>
        {admin ? (
          <View className='card'>
            <FormField
              name='projectName'
              label='项目名称'
              value={f.projectName}
              error={save.fieldErrors.projectName}
              onChange={set('projectName')}
            />
            <FormField
              name='creditCode'
              label='商户统一社会信用代码'
              value={f.creditCode}
              error={save.fieldErrors.creditCode}
              onChange={set('creditCode')}
            />
            <Text className='form-label block'>补助形式</Text>
            <View className='chips-wrap' role='group' aria-label='补助形式'>
              {SUBSIDY_FORMS.map((x) => (
                <Text
                  key={x}
                  className={`chip form-${x} ${form === x ? 'chip-on' : ''}`}
                  {...pressable(form === x)}
                  onClick={() => setForm(x)}
                >
                  {SUBSIDY_FORM_NAMES[x]}
                </Text>
              ))}
            </View>
            <FormField
              name='amount'
              label='金额（元）'
              type='digit'
              value={f.amount}
              error={save.fieldErrors.amountYuan}
              onChange={set('amount')}
            />
            <FormField
              name='year'
              label='年度'
              type='number'
              value={f.year}
              error={save.fieldErrors.year}
              onChange={set('year')}
            />
            <Text className='form-label block'>资金用途</Text>
            <Textarea
              className='purpose textarea'
              nativeProps={{ 'aria-label': '资金用途' }}
              value={f.purpose}
              maxlength={300}
              onInput={(e) => set('purpose')(e.detail.value)}
            />
            {save.fieldErrors.purpose && <Text className='form-error block'>{save.fieldErrors.purpose}</Text>}
            <Text className='form-label block'>状态</Text>
            <View className='chips-wrap' role='group' aria-label='状态'>
              {SUBSIDY_STATUSES.map((x) => (
                <Text
                  key={x}
                  className={`chip status-${x} ${status === x ? 'chip-on' : ''}`}
                  {...pressable(status === x)}
                  onClick={() => setStatus(x)}
                >
                  {SUBSIDY_STATUS_NAMES[x]}
                </Text>
              ))}
            </View>
            {save.formError && <Text className='form-error block'>{save.formError}</Text>}
            <Button className='btn-primary save' disabled={save.busy || undefined} onClick={submit}>
              保存
            </Button>
          </View>
        ) : (
          s && (
            <View className='card'>
              <Text className='section-title block'>{s.projectName}</Text>
              <Text className='block'>{s.businessName}</Text>
              <Text className='muted block'>
                {s.year} 年 · {SUBSIDY_FORM_NAMES[s.form]} · {s.amountYuan} 元 · {SUBSIDY_STATUS_NAMES[s.status]}
              </Text>
              <Text className='block'>用途：{s.purpose}</Text>
            </View>
          )
        )}
        {detail.data && (
          <View className='card'>
            <Text className='section-label block'>受补助网点</Text>
            {detail.data.outlets.map((o) => (
              <View
                key={o.id}
                className='row outlet-row block'
                {...pressable()}
                onClick={() => go('supervision', { outletId: o.id })}
              >
                <Text>
                  {o.name}（{STATUS_WORDS[o.status]}）
                </Text>
                <Text className='link'>{o.latest ? `最近考核 ${o.latest.score} 分` : '检查与考核'}</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </Page>
  );
}
