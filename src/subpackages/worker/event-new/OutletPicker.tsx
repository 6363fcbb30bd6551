import { Text, View } from '@tarojs/components';
import { useAction } from '@/hooks/useAction';
import { pressable } from '@/services/a11y';

interface Props {
  lng: string;
  lat: string;
  chosen: string[];
  onChange: (ids: string[]) => void;
}

/** Approved outlets within ten minutes of the event's place, to invite as participating merchants. */
export default function OutletPicker({ lng, lat, chosen, onChange }: Props) {
  const x = Number(lng);
  const y = Number(lat);
  const ready = lng !== '' && lat !== '' && Number.isFinite(x) && Number.isFinite(y);
  const near = useAction('outlets.nearby', ready ? { lng: x, lat: y, minutes: 10 } : null);
  if (!ready) return <Text className='muted block'>先选择社区或填写地点经纬度</Text>;
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
