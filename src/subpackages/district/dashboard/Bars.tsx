import { Text, View } from '@tarojs/components';

/** Simple horizontal bars: a label, a bar as long as its share of the largest, and the count. */
export default function Bars({ title, items }: { title: string; items: { label: string; count: number }[] }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <View className='card bars'>
      <Text className='section-label block'>{title}</Text>
      {items.length === 0 && <Text className='muted block'>暂无数据</Text>}
      {items.map((i) => (
        <View key={i.label} className='bar-row'>
          <Text className='bar-label'>{i.label}</Text>
          <View className='bar-track'>
            <View className='bar-fill' style={{ width: `${(i.count / max) * 100}%` }} />
          </View>
          <Text className='bar-count'>{i.count}</Text>
        </View>
      ))}
    </View>
  );
}
