import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { WARNING_RULE_NAMES, WARNING_STATUS_NAMES } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { confirmAction } from '@/services/device';
import { beijingMinute } from '@/services/time';
import './index.scss';

/** One warning: what happened, the figures behind it, whether it still holds; taken in hand and resolved with a note. */
export default function WarningPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const view = useAction('warnings.get', id ? { id } : null);
  const [note, setNote] = useState('');
  const handle = useMutation('warnings.handle', {
    invalidates: ['warnings.get', 'warnings.list'],
    success: (_, req) => (req.status === 'resolved' ? '已标记为已处理' : '已标记为处理中'),
  });
  const w = view.data?.warning;
  const act = async (status: 'handling' | 'resolved') => {
    if (!note.trim()) return handle.fail('请填写处理说明', 'note');
    // 已处理 closes the warning for good (it can only come back if the condition is found again).
    if (
      status === 'resolved' &&
      !(await confirmAction('标记已处理', '标记后该预警将关闭，不能再修改处理说明，确定吗？'))
    )
      return;
    if (await handle.run({ id, status, note: note.trim() })) setNote('');
  };

  return (
    <Page name='warning'>
      <StateView
        loading={view.loading && !view.data}
        error={view.error}
        empty={!id}
        emptyText='未找到该预警'
        onRetry={view.reload}
      >
        {w && (
          <>
            <View className='card'>
              <Text className='badge badge-warn'>{WARNING_RULE_NAMES[w.rule]}</Text>
              <Text className='warning-title block'>{w.title}</Text>
              <Text className='status-line block'>状态：{WARNING_STATUS_NAMES[w.status]}</Text>
              <Text className='muted block'>发现于 {beijingMinute(w.createdAt)}</Text>
              {Object.entries(w.evidence).map(([label, value]) => (
                <View key={label} className='row evidence-row block'>
                  <Text className='muted'>{label}</Text>
                  <Text>{value}</Text>
                </View>
              ))}
              {w.status !== 'resolved' && <Text className='check block'>{view.data?.check}</Text>}
            </View>
            {w.note && (
              <View className='card'>
                <Text className='section-label block'>处理说明</Text>
                <Text className='handled-note block'>{w.note}</Text>
                <Text className='muted block'>
                  {w.handledByName ? `${w.handledByName} · ` : ''}更新于 {beijingMinute(w.updatedAt)}
                </Text>
              </View>
            )}
            {w.status !== 'resolved' && (
              <View className='card'>
                <Text className='section-label block'>处理说明</Text>
                <Textarea
                  className='note textarea'
                  nativeProps={{ 'aria-label': '处理说明' }}
                  value={note}
                  maxlength={300}
                  onInput={(e) => setNote(e.detail.value)}
                />
                {handle.error && <Text className='form-error block'>{handle.error}</Text>}
                <View className='actions'>
                  {w.status === 'new' && (
                    <Button
                      className='mark-handling'
                      disabled={handle.busy || undefined}
                      onClick={() => act('handling')}
                    >
                      标记处理中
                    </Button>
                  )}
                  <Button
                    className='btn-primary mark-resolved'
                    disabled={handle.busy || undefined}
                    onClick={() => act('resolved')}
                  >
                    标记已处理
                  </Button>
                </View>
              </View>
            )}
            {(w.history ?? []).length > 0 && (
              <View className='card'>
                <Text className='section-label block'>此前处理记录</Text>
                {(w.history ?? []).map((h) => (
                  <Text key={h.raisedAt} className='muted block'>
                    {beijingMinute(h.raisedAt)} 发现，{beijingMinute(h.resolvedAt)}
                    {h.handledByName ? ` 由${h.handledByName}` : ''}处理：{h.note ?? '无说明'}
                  </Text>
                ))}
              </View>
            )}
          </>
        )}
      </StateView>
    </Page>
  );
}
