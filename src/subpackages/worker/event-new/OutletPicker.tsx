import { Text, View } from '@tarojs/components';
import { useAction } from '@/hooks/useAction';
import { pressable } from '@/services/a11y';

interface Props {
  point: { lng: number; lat: number } | null;
  chosen: string[];
  onChange: (ids: string[]) => void;
}

/** Approved outlets within ten minutes of the event's place, to invite as participating merchants. */
export default function OutletPicker({ point, chosen, onChange }: Props) {
  const near = useAction('outlets.nearby', point ? { lng: point.lng, lat: point.lat, minutes: 10 } : null);
  if (!point) return <Text className='muted block'>先选择社区，或在地图上点选活动地点</Text>;
  if (near.loading && !near.data) return <Text className='muted block'>加载附近网点…</Text>;
  if (near.error) return <Text className='form-error'>{near.error.message}</Text>;
  const items = near.data?.items ?? [];
  if (items.length === 0) return <Text className='muted block'>附近没有已审核的网点</Text>;
  return (
    <View className='chips-wrap'>
      {items.slice(0, 20).map((v) => (
        <Text
          key={v.outlet.id}
          className={`chip ${chosen.includes(v.outlet.id) ? 'chip-on' : ''}`}
          {...pressable(chosen.includes(v.outlet.id))}
          onClick={() =>
            onChange(
              chosen.includes(v.outlet.id) ? chosen.filter((id) => id !== v.outlet.id) : [...chosen, v.outlet.id],
            )
          }
        >
          {v.outlet.name}
        </Text>
      ))}
    </View>
  );
}
