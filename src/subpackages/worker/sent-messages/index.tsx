import { Button, Text, View } from '@tarojs/components';
import { MESSAGE_KIND_NAMES, type Message } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { usePaged } from '@/hooks/usePaged';
import { beijingTime } from '@/services/time';
import './index.scss';

const DELIVERY_NAMES: Record<Message['delivery'], string> = {
  inbox: '仅站内',
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};

/**
 * Admin: the WeChat subscription messages the local sender recorded (on this server nothing goes to WeChat), newest
 * first. Each person appears only as a short key, the same for all their messages.
 */
export default function SentMessagesPage() {
  const list = usePaged('messages.sent', {});
  return (
    <Page name='sent-messages'>
      <View className='card'>
        <Text className='muted block'>
          本机运行时不会真正发送微信订阅消息：这里列出本应发送的消息。收件人只显示为编号，不显示身份。
        </Text>
      </View>
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.error}
        empty={list.items.length === 0}
        emptyText='还没有发送记录'
        onRetry={list.reload}
      >
        {list.items.map((m) => (
          <View key={m.key} className='card sent-item'>
            <View className='row'>
              <Text className='sent-title'>{m.title}</Text>
              <Text className={`badge ${m.delivery === 'failed' ? 'badge-warn' : 'badge-ok'}`}>
                {DELIVERY_NAMES[m.delivery]}
              </Text>
            </View>
            <Text className='muted block'>
              {MESSAGE_KIND_NAMES[m.kind]} · 收件人 {m.person}
            </Text>
            <Text className='muted block'>发送于 {beijingTime(m.at)}</Text>
          </View>
        ))}
        {list.hasMore && (
          <Button className='more' onClick={list.loadMore} disabled={list.loading || undefined}>
            加载更多
          </Button>
        )}
      </StateView>
    </Page>
  );
}
