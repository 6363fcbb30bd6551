import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useSubscribe } from '@/hooks/useSubscribe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { beijingTime } from '@/services/time';
import './index.scss';

const STATUS = { received: '已收到', planned: '已列入计划', resolved: '已解决' } as const;

/** 缺什么补什么: tell the street what is missing near home, and follow what becomes of it. */
export default function DemandPage() {
  const me = useMe();
  const mine = useAction('demand.mine', me.user ? {} : null);
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const report = useMutation('demand.report', {
    invalidates: ['demand.mine'],
    success: '已提交',
    onSuccess: () => {
      setSent(true);
      setCategory(null);
      setNote('');
    },
  });

  const subscribe = useSubscribe(['demandReply']);

  function send() {
    setSent(false);
    if (!category) return report.fail('请选择缺少的服务');
    void subscribe().then(() => report.run({ category, note: note.trim() }));
  }

  if (!me.loading && !me.user)
    return (
      <Page name='demand'>
        <StateView loading={false} error={null} signIn emptyText='登录后可以反映社区缺少的服务' />
      </Page>
    );
  return (
    <Page name='demand'>
      <View className='card'>
        <Text className='section-label block'>您所在社区附近缺少哪项服务？</Text>
        <View className='chips-wrap'>
          {BASIC_CATEGORIES.map((c) => (
            <Text
              key={c}
              className={`chip ${category === c ? 'chip-on' : ''}`}
              {...pressable(category === c)}
              onClick={() => setCategory(c)}
            >
              {CATEGORY_BY_ID[c].name}
            </Text>
          ))}
        </View>
        <Textarea
          className='answer-text'
          nativeProps={{ 'aria-label': '补充说明' }}
          placeholder='补充说明（选填），如：最近的洗衣店要走 20 分钟'
          value={note}
          maxlength={300}
          onInput={(e) => setNote(e.detail.value)}
        />
        {sent && <Text className='block ok-text'>✓ 已提交，街道会尽快处理并回复</Text>}
        {report.error && <Text className='form-error'>{report.error}</Text>}
        <Button className='btn-primary' loading={report.busy} disabled={report.busy || undefined} onClick={send}>
          提交
        </Button>
      </View>
      <Text className='section-title block'>我的反映</Text>
      <StateView
        loading={mine.loading && !mine.data}
        error={mine.error}
        empty={(mine.data ?? []).length === 0}
        emptyText='还没有提交过'
        onRetry={mine.reload}
      >
        {(mine.data ?? []).map((r) => (
          <View key={r.id} className='card demand-item'>
            <View className='row'>
              <Text>缺少：{CATEGORY_BY_ID[r.category].name}</Text>
              <Text className={`badge ${r.status === 'resolved' ? 'badge-ok' : 'badge-warn'}`}>{STATUS[r.status]}</Text>
            </View>
            <Text className='muted block'>{beijingTime(r.createdAt)}</Text>
            {r.reply && <Text className='block reply'>街道回复：{r.reply}</Text>}
          </View>
        ))}
      </StateView>
    </Page>
  );
}
