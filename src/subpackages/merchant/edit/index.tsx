import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { WeeklyHours } from '@/types';
import FormField from '@/components/FormField';
import HoursEditor from '@/components/HoursEditor';
import { weekProblem } from '@/components/HoursEditor/week';
import MapPicker from '@/components/MapPicker';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import type { LngLat } from '@/services/coords';
import { back } from '@/services/navigation';
import './index.scss';

const SHOWN = ['hours', 'phone', 'name', 'address', 'lng', 'lat'];

/**
 * Edit an outlet: hours and phone apply at once; name, address and place go to review (the approved ones stay
 * shown to residents meanwhile). The place is chosen on the map, the hours with the hours editor.
 */
export default function MerchantEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const mine = useAction('merchants.mine', {});
  useDidShow(() => mine.reload());
  const item = mine.data?.outlets.find((o) => o.outlet.id === id) ?? null;
  const outlet = item?.outlet ?? null;
  const [hours, setHours] = useState<WeeklyHours | null>(null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [point, setPoint] = useState<LngLat | null>(null);
  const [hoursError, setHoursError] = useState<string | null>(null);
  const update = useMutation('merchants.updateOutlet', {
    invalidates: ['merchants.mine', 'outlets.get', 'outlets.nearby', 'reviews.queue'],
    success: '已保存',
    onSuccess: back,
  });
  const errors = update.fieldErrors;
  const busy = update.busy;
  const loadedId = outlet?.id ?? null;
  useEffect(() => {
    if (!outlet) return;
    const shown = outlet.pendingChanges?.location ?? outlet.location;
    setHours(outlet.hours);
    setPhone(outlet.phone ?? '');
    setName(outlet.pendingChanges?.name ?? outlet.name);
    setAddress(outlet.pendingChanges?.address ?? outlet.address);
    setPoint({ lng: shown.coordinates[0], lat: shown.coordinates[1] });
    // Filled once per outlet: a reload (on show) must not undo what the person is changing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedId]);

  function save() {
    if (!outlet || !hours || !point) return;
    const problem = weekProblem(hours);
    setHoursError(problem);
    if (problem) return;
    const [lng0, lat0] = (outlet.pendingChanges?.location ?? outlet.location).coordinates;
    const moved = point.lng !== lng0 || point.lat !== lat0;
    void update.run({
      id,
      hours,
      ...(phone.trim() ? { phone: phone.trim() } : { phone: null }),
      ...(name.trim() !== outlet.name ? { name: name.trim() } : {}),
      ...(address.trim() !== outlet.address ? { address: address.trim() } : {}),
      ...(moved ? { lng: point.lng, lat: point.lat } : {}),
    });
  }
  const other = Object.keys(errors).some((f) => !SHOWN.includes(f)) ? update.error : update.formError;

  return (
    <Page name='merchant-edit'>
      <StateView
        loading={mine.loading && !mine.data}
        error={mine.error}
        empty={!!mine.data && !outlet}
        emptyText='未找到该网点'
        onRetry={mine.reload}
      >
        <View className='card'>
          <Text className='section-label block'>立即生效</Text>
          {hours && <HoursEditor value={hours} error={hoursError ?? errors.hours} onChange={setHours} />}
          <FormField name='phone' label='电话' value={phone} error={errors.phone} onChange={setPhone} />
          <Text className='section-label block reviewed'>需要审核（通过前居民看到原信息）</Text>
          <FormField name='name' label='网点名称' value={name} error={errors.name} onChange={setName} />
          <FormField name='address' label='详细地址' value={address} error={errors.address} onChange={setAddress} />
          <MapPicker
            name='outlet'
            label='网点位置（在地图上点选）'
            value={point}
            error={errors.lng ?? errors.lat}
            onChange={setPoint}
          />
          {other && <Text className='form-error'>{other}</Text>}
          <Button className='btn-primary save' loading={busy} disabled={busy || undefined} onClick={save}>
            保存
          </Button>
        </View>
      </StateView>
    </Page>
  );
}
