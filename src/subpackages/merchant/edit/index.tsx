import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { back } from '@/services/navigation';
import './index.scss';

/** Edit an outlet: hours and phone apply at once; name and address go to review (the approved ones stay shown). */
export default function MerchantEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const mine = useAction('merchants.mine', {});
  const item = mine.data?.outlets.find((o) => o.outlet.id === id) ?? null;
  const outlet = item?.outlet ?? null;
  const [hours, setHours] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const update = useMutation('merchants.updateOutlet', {
    invalidates: ['merchants.mine', 'outlets.get', 'outlets.nearby', 'reviews.queue'],
    success: '已保存',
    onSuccess: back,
  });
  const errors = update.fieldErrors;
  const busy = update.busy;
  useEffect(() => {
    if (!outlet) return;
    setHours(item?.hoursText ?? '');
    setPhone(outlet.phone ?? '');
    setName(outlet.pendingChanges?.name ?? outlet.name);
    setAddress(outlet.pendingChanges?.address ?? outlet.address);
  }, [outlet, item?.hoursText]);

  function save() {
    if (!outlet) return;
    void update.run({
      id,
      hours,
      ...(phone.trim() ? { phone: phone.trim() } : { phone: null }),
      ...(name.trim() !== outlet.name ? { name: name.trim() } : {}),
      ...(address.trim() !== outlet.address ? { address: address.trim() } : {}),
    });
  }

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
          <FormField
            name='hours'
            label='营业时间（如 daily 07:00-20:00）'
            value={hours}
            error={errors.hours}
            onChange={setHours}
          />
          <FormField name='phone' label='电话' value={phone} error={errors.phone} onChange={setPhone} />
          <Text className='section-label block reviewed'>需要审核（通过前居民看到原信息）</Text>
          <FormField name='name' label='网点名称' value={name} error={errors.name} onChange={setName} />
          <FormField name='address' label='详细地址' value={address} error={errors.address} onChange={setAddress} />
          {update.formError && <Text className='form-error'>{update.formError}</Text>}
          <Button className='btn-primary' loading={busy} disabled={busy || undefined} onClick={save}>
            保存
          </Button>
        </View>
      </StateView>
    </Page>
  );
}
