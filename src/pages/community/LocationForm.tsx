import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Community } from '@/types';
import FormField from '@/components/FormField';
import { useMutation, useTask } from '@/hooks/useMutation';
import { currentLocation } from '@/services/device';

interface Props {
  community: Community;
}

/** Checks one typed coordinate; answers a message for the person, or null when it is fine. */
function checkCoordinate(label: string, text: string, min: number, max: number): string | null {
  if (text.trim() === '') return `请填写${label}`;
  const v = Number(text);
  if (!Number.isFinite(v)) return `${label}应为数字`;
  if (v < min || v > max) return `${label}应在 ${min} 到 ${max} 之间`;
  return null;
}

/** For a worker of the community's street (or an admin): set the location from the device or by typing it. */
export default function LocationForm({ community }: Props) {
  const [lng, setLng] = useState(community.location ? String(community.location.coordinates[0]) : '');
  const [lat, setLat] = useState(community.location ? String(community.location.coordinates[1]) : '');
  const locate = useTask(currentLocation, {
    failure: '无法获取当前位置，请检查定位权限，或直接填写经纬度',
    onSuccess: (pos) => {
      setLng(pos.lng.toFixed(6));
      setLat(pos.lat.toFixed(6));
    },
  });
  const save = useMutation('geo.setCommunityLocation', {
    invalidates: ['geo.community', 'geo.communities', 'geo.streets', 'coverage.report'],
    success: '位置已保存',
  });
  const busy = save.busy || locate.busy;
  const error = save.error ?? locate.error;

  function submit() {
    const problem = checkCoordinate('经度', lng, 115, 118) ?? checkCoordinate('纬度', lat, 39, 41);
    if (problem) return save.fail(problem);
    void save.run({ communityCode: community.code, lng: Number(lng), lat: Number(lat) });
  }

  return (
    <View className='card location-form'>
      <Text className='form-title'>{community.location ? '修正社区位置' : '补充社区位置'}</Text>
      <Text className='muted form-hint'>坐标系为 GCJ-02（微信地图所用），位置须在西城区范围内。</Text>
      <Button className='btn-secondary' onClick={() => locate.run(undefined)} disabled={busy || undefined}>
        使用当前位置
      </Button>
      <FormField name='lng' label='经度' type='digit' placeholder='如 116.3745' value={lng} onChange={setLng} />
      <FormField name='lat' label='纬度' type='digit' placeholder='如 39.9075' value={lat} onChange={setLat} />
      {error && <Text className='form-error'>{error}</Text>}
      <Button className='btn-primary' onClick={submit} loading={save.busy} disabled={busy || undefined}>
        保存位置
      </Button>
    </View>
  );
}
