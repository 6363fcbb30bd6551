import { Text, View } from '@tarojs/components';
import type { DashboardStreet } from '@/types';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** One line per street: communities, located, index, circles by status, open warnings and demand reports. */
export default function StreetTable({ streets }: { streets: DashboardStreet[] }) {
  return (
    <View className='street-table'>
      <View className='st-row st-head'>
        {['街道', '社区/定位', '指数', '生活圈 规划/在建/建成', '预警', '诉求'].map((h) => (
          <Text key={h} className='st-cell'>
            {h}
          </Text>
        ))}
      </View>
      {streets.map((s) => (
        <View key={s.code} className='st-row'>
          <Text
            className='st-cell st-name link'

            {...pressable(undefined, `${s.name}一街一则`)}
            onClick={() => go('guideline', { streetCode: s.code })}
          >
            {s.name.replace(/街道$/, '')}
          </Text>
          <Text className='st-cell'>
            {s.communities}/{s.located}
          </Text>
          <Text className='st-cell st-index'>{pct(s.figure.index)}</Text>
          <Text className='st-cell'>
            {s.circles.planned}/{s.circles.building}/{s.circles.built}
          </Text>
          <Text className='st-cell'>{s.openWarnings}</Text>
          <Text className='st-cell'>{s.openDemand}</Text>
        </View>
      ))}
    </View>
  );
}
