import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Community } from '@/types';
import MapPicker from '@/components/MapPicker';
import { useMutation } from '@/hooks/useMutation';
import type { LngLat } from '@/services/coords';

interface Props {
  community: Community;
  /** After saving (the locate page moves on to the next community). */
  onSaved?: () => void;
}

/** For a worker of the community's street (or an admin): set the location by tapping the map or from the device. */
export default function LocationForm({ community, onSaved }: Props) {
  const [point, setPoint] = useState<LngLat | null>(
    community.location ? { lng: community.location.coordinates[0], lat: community.location.coordinates[1] } : null,
  );
  const save = useMutation('geo.setCommunityLocation', {
    invalidates: ['geo.community', 'geo.communities', 'geo.streets', 'coverage.report'],
    success: '位置已保存',
    onSuccess: () => onSaved?.(),
  });
  const message = save.fieldErrors.lng ?? save.fieldErrors.lat ?? save.error;

  function submit() {
    if (!point) return save.fail('请在地图上点选社区居委会所在位置');
    void save.run({ communityCode: community.code, lng: point.lng, lat: point.lat });
  }

  return (
    <View className='card location-form'>
      <Text className='form-title'>{community.location ? '修正社区位置' : '补充社区位置'}</Text>
      <MapPicker
        name='community'
        label={`${community.name}的位置（点按地图，须在西城区内）`}
        value={point}
        onChange={setPoint}
      />
      {message && <Text className='form-error'>{message}</Text>}
      <Button
        className='btn-primary save-location'
        onClick={submit}
        loading={save.busy}
        disabled={save.busy || undefined}
      >
        保存位置
      </Button>
    </View>
  );
}
