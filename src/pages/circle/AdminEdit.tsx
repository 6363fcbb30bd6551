import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CIRCLE_STATUSES, CIRCLE_YEARS, type Circle, type CircleStatus, type CircleYear } from '../../../types';
import { ApiError, callCloud } from '../../services/api';

const STATUS: Record<CircleStatus, string> = { planned: '规划中', building: '建设中', built: '已建成' };

/** For admins: rename the circle and set its planned year and status (members are moved through the API). */
export default function AdminEdit({ circle, onSaved }: { circle: Circle; onSaved: () => void }) {
  const [name, setName] = useState(circle.name);
  const [year, setYear] = useState<CircleYear | null>(circle.year);
  const [status, setStatus] = useState<CircleStatus>(circle.status);
  const [message, setMessage] = useState<string | null>(null);

  async function save() {
    try {
      await callCloud('circles.save', { op: 'update', id: circle.id, name: name.trim(), year, status });
      setMessage('已保存');
      onSaved();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  return (
    <View className='card admin-edit'>
      <Text className='section-label block'>管理（区商务局）</Text>
      <Input className='form-input circle-name' value={name} onInput={(e) => setName(e.detail.value)} />
      <View className='chips-wrap'>
        {CIRCLE_YEARS.map((y) => (
          <Text
            key={y}
            className={`chip ${year === y ? 'chip-on' : ''}`}
            onClick={() => setYear(year === y ? null : y)}
          >
            {y} 年
          </Text>
        ))}
      </View>
      <View className='chips-wrap'>
        {CIRCLE_STATUSES.map((s) => (
          <Text key={s} className={`chip ${status === s ? 'chip-on' : ''}`} onClick={() => setStatus(s)}>
            {STATUS[s]}
          </Text>
        ))}
      </View>
      <Button className='btn-primary' onClick={save}>
        保存
      </Button>
      {message && <Text className='muted block'>{message}</Text>}
    </View>
  );
}
