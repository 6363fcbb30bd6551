import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CIRCLE_STATUSES, CIRCLE_YEARS, type Circle, type CircleStatus, type CircleYear } from '@/types';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';

const STATUS: Record<CircleStatus, string> = { planned: '规划中', building: '建设中', built: '已建成' };

/** For admins: rename the circle and set its planned year and status (members are moved through the API). */
export default function AdminEdit({ circle }: { circle: Circle }) {
  const [name, setName] = useState(circle.name);
  const [year, setYear] = useState<CircleYear | null>(circle.year);
  const [status, setStatus] = useState<CircleStatus>(circle.status);
  const [saved, setSaved] = useState(false);
  const save = useMutation('circles.save', {
    invalidates: ['circles.get', 'circles.list', 'circles.progress'],
    success: '已保存',
    onSuccess: () => setSaved(true),
  });

  return (
    <View className='card admin-edit'>
      <Text className='section-label block'>管理（区商务局）</Text>
      <Input
        className='form-input circle-name'
        nativeProps={{ 'aria-label': '生活圈名称' }}
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      <View className='chips-wrap'>
        {CIRCLE_YEARS.map((y) => (
          <Text
            key={y}
            className={`chip ${year === y ? 'chip-on' : ''}`}
            {...pressable(year === y)}
            onClick={() => setYear(year === y ? null : y)}
          >
            {y} 年
          </Text>
        ))}
      </View>
      <View className='chips-wrap'>
        {CIRCLE_STATUSES.map((s) => (
          <Text
            key={s}
            className={`chip ${status === s ? 'chip-on' : ''}`}
            {...pressable(status === s)}
            onClick={() => setStatus(s)}
          >
            {STATUS[s]}
          </Text>
        ))}
      </View>
      <Button
        className='btn-primary'
        loading={save.busy}
        disabled={save.busy || undefined}
        onClick={() => {
          setSaved(false);
          void save.run({ op: 'update', id: circle.id, name: name.trim(), year, status });
        }}
      >
        保存
      </Button>
      {saved && <Text className='muted block'>✓ 已保存</Text>}
      {save.error && <Text className='form-error'>{save.error}</Text>}
    </View>
  );
}
