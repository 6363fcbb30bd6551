import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { MESSAGE_KIND_NAMES, type MessageView } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go, setTabBadge } from '@/services/navigation';
import { beijingTime } from '@/services/time';
import './index.scss';

/** 消息: what changed for me, newest first; a tap marks it read and opens the page it is about. */
export default function MessagesPage() {
  const { user, loading: meLoading } = useMe();
  const list = usePaged('messages.list', user ? {} : null);
  const unread = useAction('messages.unread', user ? {} : null);
  const count = unread.data?.count ?? 0;
  useEffect(() => {
    if (unread.data) setTabBadge('mine', unread.data.count);
  }, [unread.data]);

  // Shown again (back from the page a message opened): what arrived meanwhile.
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else if (user) {
      list.reload();
      unread.reload();
    }
  });

  const read = useMutation('messages.read', {
    invalidates: ['messages.list', 'messages.unread'],
    failure: '标记已读失败，请重试',
  });
  const readAll = useMutation('messages.read', {
    invalidates: ['messages.list', 'messages.unread'],
    success: '已全部标为已读',
    failure: '操作失败，请重试',
  });

  // The page it is about opens even when marking it read failed (it then stays unread, to be tried again).
  const open = async (m: MessageView) => {
    if (!m.readAt) await read.run({ id: m.id });
    go(m.link.page, m.link.params);
  };

  if (!user)
    return (
      <Page name='messages'>
        <StateView loading={meLoading} error={null} signIn={!meLoading} emptyText='登录后可以查看您的消息' />
      </Page>
    );

  return (
    <Page name='messages'>
      <View className='row head'>
        <Text className='unread-count'>{count > 0 ? `${count} 条未读` : '没有未读消息'}</Text>
        {count > 0 && (
          <Button className='read-all' onClick={() => readAll.run({ all: true })} disabled={readAll.busy || undefined}>
            全部标为已读
          </Button>
        )}
      </View>
      {(read.error || readAll.error) && <Text className='form-error'>{read.error ?? readAll.error}</Text>}
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.error}
        empty={list.items.length === 0}
        emptyText='暂无消息'
        onRetry={list.reload}
      >
        {list.items.map((m) => (
          <View
            key={m.id}
            className={`card message ${m.readAt ? 'message-read' : 'message-unread'}`}
            {...pressable()}
            onClick={() => void open(m)}
          >
            <View className='row'>
              <Text className='message-kind'>{MESSAGE_KIND_NAMES[m.kind]}</Text>
              <Text className={`badge ${m.readAt ? '' : 'badge-warn'}`}>{m.readAt ? '已读' : '● 未读'}</Text>
            </View>
            <Text className='message-title block'>{m.title}</Text>
            <Text className='message-body block'>{m.body}</Text>
            <Text className='muted block'>{beijingTime(m.createdAt)} · 查看详情 ›</Text>
          </View>
        ))}
        {list.hasMore && (
          <Button className='more' onClick={list.loadMore} disabled={list.loading || undefined}>
            {list.loading ? '加载中…' : '加载更多'}
          </Button>
        )}
      </StateView>
    </Page>
  );
}
