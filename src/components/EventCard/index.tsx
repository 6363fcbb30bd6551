import { Text, View } from '@tarojs/components';
import type { EventView } from '@/types';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import { beijingRange } from '@/services/time';
import './index.scss';

export const SIGNUP_LABEL = { confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消' } as const;

/** One event in a list: title, time and place (Beijing time), seats "已报名 x / 共 y", my status. */
export default function EventCard({ view }: { view: EventView }) {
  const { event, mine } = view;
  return (
    <View className='card event-card' {...pressable()} onClick={() => go('event', { id: event.id })}>
      <View className='row'>
        <Text className='event-title'>{event.title}</Text>
        <Text className='badge badge-theme'>{event.theme}</Text>
      </View>
      <Text className='muted block'>{beijingRange(event.startAt, event.endAt)}</Text>
      <Text className='muted block'>{event.placeName}</Text>
      <View className='row event-meta'>
        <Text className='event-seats'>
          已报名 {event.confirmedCount} / 共 {event.capacity}
          {view.waitlisted ? ` · 候补 ${view.waitlisted}` : ''}
        </Text>
        {event.demo && <Text className='badge badge-demo'>演示数据</Text>}
        {mine && mine.status !== 'cancelled' && (
          <Text className={`badge my-status ${mine.status === 'confirmed' ? 'badge-ok' : 'badge-warn'}`}>
            {SIGNUP_LABEL[mine.status]}
            {mine.position ? ` 第 ${mine.position} 位` : ''}
          </Text>
        )}
      </View>
    </View>
  );
}
