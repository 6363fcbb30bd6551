import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '../../../types';
import StateView from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { ApiError, callCloud } from '../../services/api';
import { beijingTime } from '../../services/time';

const STATUS = { received: '已收到', planned: '已列入计划', resolved: '已解决' } as const;

/** 缺什么补什么: tell the street what is missing near home, and follow what becomes of it. */
export default function DemandPage() {
  const me = useAction('auth.me', {});
  const mine = useAction('demand.mine', me.data?.user ? {} : null);
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    if (!category) return setMessage({ ok: false, text: '请选择缺少的服务' });
    setBusy(true);
    try {
      await callCloud('demand.report', { category, note: note.trim() });
      setMessage({ ok: true, text: '已提交，街道会尽快处理并回复' });
      setCategory(null);
      setNote('');
      mine.reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : '提交失败，请重试' });
    } finally {
      setBusy(false);
    }
  }

  if (!me.loading && !me.data?.user)
    return <StateView loading={false} error={null} empty emptyText='请先在“我的”页面登录' />;
  return (
    <View className='page demand'>
      <View className='card'>
        <Text className='section-label block'>您所在社区附近缺少哪项服务？</Text>
        <View className='chips-wrap'>
          {BASIC_CATEGORIES.map((c) => (
            <Text key={c} className={`chip ${category === c ? 'chip-on' : ''}`} onClick={() => setCategory(c)}>
              {CATEGORY_BY_ID[c].name}
            </Text>
          ))}
        </View>
        <Textarea
          className='answer-text'
          placeholder='补充说明（选填），如：最近的洗衣店要走 20 分钟'
          value={note}
          maxlength={300}
          onInput={(e) => setNote(e.detail.value)}
        />
        {message && <Text className={`block ${message.ok ? 'ok-text' : 'form-error'}`}>{message.text}</Text>}
        <Button className='btn-primary' loading={busy} disabled={busy || undefined} onClick={send}>
          提交
        </Button>
      </View>
      <Text className='section-title block'>我的反映</Text>
      <StateView
        loading={mine.loading && !mine.data}
        error={mine.error}
        empty={(mine.data ?? []).length === 0}
        emptyText='还没有提交过'
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
    </View>
  );
}
