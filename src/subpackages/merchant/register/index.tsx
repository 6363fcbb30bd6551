import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation, useTask } from '@/hooks/useMutation';
import { useSubscribe } from '@/hooks/useSubscribe';
import { replace } from '@/services/navigation';
import { refreshMe } from '@/services/me';
import { pickAndUploadImage } from '@/services/upload';
import OutletFields, { EMPTY_OUTLET, type OutletDraft } from './OutletFields';
import './index.scss';

interface Business {
  creditCode: string;
  legalName: string;
  contactName: string;
  contactPhone: string;
}

/** Quick checks before sending; the server checks everything again (including the credit code's check character). */
function check(b: Business, licence: string | null, outlets: OutletDraft[]): Record<string, string> {
  const e: Record<string, string> = {};
  if (!/^[0-9A-Z]{18}$/.test(b.creditCode.trim())) e.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
  if (b.legalName.trim().length < 2) e.legalName = '请填写营业执照上的名称';
  if (!b.contactName.trim()) e.contactName = '请填写联系人';
  if (!/^[0-9+\-() ]{5,20}$/.test(b.contactPhone.trim())) e.contactPhone = '联系电话格式有误';
  if (!licence) e.licenseFile = '请上传营业执照照片';
  outlets.forEach((o, i) => {
    if (o.name.trim().length < 2) e[`outlets.${i}.name`] = '网点名称至少 2 个字';
    if (o.address.trim().length < 4) e[`outlets.${i}.address`] = '请填写详细地址';
    if (!o.streetCode) e[`outlets.${i}.streetCode`] = '请选择所在街道';
    if (!Number.isFinite(Number(o.lng)) || !o.lng) e[`outlets.${i}.lng`] = '请填写经度';
    if (!Number.isFinite(Number(o.lat)) || !o.lat) e[`outlets.${i}.lat`] = '请填写纬度';
    if (o.categories.length === 0) e[`outlets.${i}.categories`] = '至少选择一个服务类别';
  });
  return e;
}

/** A merchant registers a business licence with one or more outlets (一照多址); everything waits for review. */
export default function RegisterPage() {
  const streets = useAction('geo.streets', {});
  const me = useMe();
  const [biz, setBiz] = useState<Business>({ creditCode: '', legalName: '', contactName: '', contactPhone: '' });
  const [licence, setLicence] = useState<{ fileId: string; preview: string } | null>(null);
  const [outlets, setOutlets] = useState<OutletDraft[]>([{ ...EMPTY_OUTLET }]);
  const [found, setFound] = useState<Record<string, string>>({});
  const upload = useTask(pickAndUploadImage, {
    failure: '上传失败，请重试',
    onSuccess: (picked) => {
      setLicence(picked);
      setFound(({ licenseFile: _gone, ...rest }) => rest);
    },
  });
  const register = useMutation('merchants.register', {
    invalidates: ['merchants.mine', 'reviews.queue'],
    success: '已提交，等待审核',
    onSuccess: () => {
      // Registering makes the person a merchant: the session context learns the new role.
      refreshMe();
      replace('merchantOutlets');
    },
  });
  const errors: Record<string, string> = { ...found, ...register.fieldErrors };
  if (upload.error) errors.licenseFile = upload.error;
  const busy = register.busy;
  const formError = register.error;
  const [checkError, setCheckError] = useState<string | null>(null);
  const subscribe = useSubscribe(['reviewResult']);

  if (me.loading && !me.user)
    return (
      <Page name='register'>
        <StateView loading error={null} />
      </Page>
    );
  if (!me.user)
    return (
      <Page name='register'>
        <StateView loading={false} error={null} empty emptyText='请先在“我的”页面登录' />
      </Page>
    );

  function submit() {
    const problems = check(biz, licence?.fileId ?? null, outlets);
    setFound(problems);
    register.reset();
    setCheckError(Object.keys(problems).length ? '请按提示修改后再提交' : null);
    if (Object.keys(problems).length) return;
    void subscribe().then(() =>
      register.run({
        creditCode: biz.creditCode.trim(),
        legalName: biz.legalName.trim(),
        contactName: biz.contactName.trim(),
        contactPhone: biz.contactPhone.trim(),
        licenseFile: licence!.fileId,
        outlets: outlets.map((o) => ({
          name: o.name.trim(),
          address: o.address.trim(),
          streetCode: o.streetCode,
          lng: Number(o.lng),
          lat: Number(o.lat),
          categories: o.categories,
          hours: o.hours.trim(),
        })),
      }),
    );
  }

  const setB = (k: keyof Business) => (v: string) => setBiz((b) => ({ ...b, [k]: v }));
  return (
    <Page name='register'>
      <View className='card'>
        <Text className='section-label block'>营业执照</Text>
        <FormField
          name='creditCode'
          label='统一社会信用代码（18 位）'
          value={biz.creditCode}
          error={errors.creditCode}
          onChange={setB('creditCode')}
        />
        <FormField
          name='legalName'
          label='名称'
          value={biz.legalName}
          error={errors.legalName}
          onChange={setB('legalName')}
        />
        <FormField
          name='contactName'
          label='联系人'
          value={biz.contactName}
          error={errors.contactName}
          onChange={setB('contactName')}
        />
        <FormField
          name='contactPhone'
          label='联系电话'
          value={biz.contactPhone}
          error={errors.contactPhone}
          onChange={setB('contactPhone')}
        />
        <Button className='upload-licence' loading={upload.busy} onClick={() => upload.run(undefined)}>
          {licence ? '重新上传营业执照照片' : '上传营业执照照片'}
        </Button>
        {licence && (
          <Image
            className='licence-preview'
            src={licence.preview}
            mode='aspectFit'
            nativeProps={{ alt: '营业执照照片预览' }}
          />
        )}
        {errors.licenseFile && <Text className='form-error'>{errors.licenseFile}</Text>}
      </View>
      {outlets.map((o, i) => (
        <OutletFields
          key={i}
          index={i}
          draft={o}
          streets={streets.data ?? []}
          errors={errors}
          onChange={(d) => setOutlets((all) => all.map((x, j) => (j === i ? d : x)))}
          onRemove={outlets.length > 1 ? () => setOutlets((all) => all.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <Button className='add-outlet' onClick={() => setOutlets((all) => [...all, { ...EMPTY_OUTLET }])}>
        再添加一个网点（一照多址）
      </Button>
      {(checkError ?? formError) && <Text className='form-error block'>{checkError ?? formError}</Text>}
      <Button className='btn-primary submit' loading={busy} disabled={busy || undefined} onClick={submit}>
        提交审核
      </Button>
    </Page>
  );
}
