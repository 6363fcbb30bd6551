import { Text, View } from '@tarojs/components';
import type { CategoryId } from '@/types';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';

/** The eight basic services as residents say them: "附近哪里能买菜 / 吃早餐 / 理发…". */
const TILES: { category: CategoryId; icon: string; words: string }[] = [
  { category: 'vegetables', icon: '🥬', words: '买菜' },
  { category: 'breakfast', icon: '🥟', words: '吃早餐' },
  { category: 'convenience', icon: '🏪', words: '便利店' },
  { category: 'hair', icon: '💇', words: '理发' },
  { category: 'housekeeping', icon: '🧹', words: '找家政' },
  { category: 'laundry', icon: '👕', words: '洗衣服' },
  { category: 'repair', icon: '🔧', words: '修东西' },
  { category: 'parcel', icon: '📦', words: '取快递' },
];

/** 长辈版 home: one tap from "附近哪里能…" to the nearest outlets, from my community or from where I am. */
export default function ElderHome() {
  const { homeCommunityCode } = useMe();
  const home = useAction('geo.community', homeCommunityCode ? { code: homeCommunityCode } : null);
  const point = home.data?.community.location?.coordinates ?? null;
  const from: Record<string, string> = point
    ? { lng: String(point[0]), lat: String(point[1]), label: home.data?.community.name ?? '我的社区' }
    : {};
  return (
    <View className='elder-home'>
      <Text className='elder-ask block'>附近哪里能……</Text>
      <View className='elder-grid'>
        {TILES.map((t) => (
          <View
            key={t.category}
            className={`elder-tile elder-tile-${t.category}`}
            {...pressable()}
            onClick={() => go('nearby', { ...from, category: t.category })}
          >
            <Text className='elder-icon' aria-hidden='true'>
              {t.icon}
            </Text>
            <Text className='elder-words'>{t.words}</Text>
          </View>
        ))}
      </View>
      <Text className='muted block elder-from'>
        {point ? `从“${from.label}”出发，步行 10 分钟内` : '从您当前的位置出发，步行 10 分钟内'}
      </Text>
      <View className='card elder-more' {...pressable()} onClick={() => go('events')}>
        <Text className='elder-more-title'>社区活动 ›</Text>
      </View>
      <View className='card elder-more' {...pressable()} onClick={() => go('demand')}>
        <Text className='elder-more-title'>反映缺少的服务 ›</Text>
      </View>
    </View>
  );
}
