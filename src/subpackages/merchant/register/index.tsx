import { Button, Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { weekProblem } from '@/components/HoursEditor/week';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation, useTask } from '@/hooks/useMutation';
import { useSubscribe } from '@/hooks/useSubscribe';
import { back, replace } from '@/services/navigation';
import { refreshMe } from '@/services/me';
import { pickAndUploadImage } from '@/services/upload';
import OutletFields, { emptyOutlet, OUTLET_LABELS, type OutletDraft } from './OutletFields';
import './index.scss';

interface Business {
  creditCode: string;
  legalName: string;
  contactName: string;
  contactPhone: string;
}

/** The licence fields' labels, for messages that name them. */
const LABELS: Record<string, string> = {
  creditCode: '统一社会信用代码',
  legalName: '名称',
  contactName: '联系人',
  contactPhone: '联系电话',
  licenseFile: '营业执照照片',
};

/** A field's label for a message shown away from the field: "网点 2 的营业时间". */
function labelOf(field: string): string {
  const m = /^outlets\.(\d+)\.(\w+)/.exec(field);
  if (m) return `网点 ${Number(m[1]) + 1} 的${OUTLET_LABELS[m[2]] ?? '信息'}`;
  return LABELS[field] ?? '填写的内容';
}

/** Fields this form shows a message under; any other field's message is listed above the submit button. */
function shownHere(field: string, adding: boolean): boolean {
  if (/^outlets\.\d+\.(name|address|streetCode|lng|lat|categories|hours)$/.test(field)) return true;
  return !adding && field in LABELS;
}

/** Quick checks before sending, all at once; the server checks everything again (including the check character). */
function check(b: Business | null, licence: string | null, outlets: OutletDraft[]): Record<string, string> {
  const e: Record<string, string> = {};
  if (b) {
    if (!/^[0-9A-Z]{18}$/.test(b.creditCode.trim())) e.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
    if (b.legalName.trim().length < 2) e.legalName = '请填写营业执照上的名称';
    if (!b.contactName.trim()) e.contactName = '请填写联系人';
    if (!/^[0-9+\-() ]{5,20}$/.test(b.contactPhone.trim())) e.contactPhone = '联系电话格式有误';
    if (!licence) e.licenseFile = '请上传营业执照照片';
  }
  outlets.forEach((o, i) => {
    if (o.name.trim().length < 2) e[`outlets.${i}.name`] = '网点名称至少 2 个字';
    if (o.address.trim().length < 4) e[`outlets.${i}.address`] = '请填写详细地址';
    if (!o.streetCode) e[`outlets.${i}.streetCode`] = '请选择所在街道';
    if (!o.point) e[`outlets.${i}.lng`] = '请在地图上点选网点位置';
    if (o.categories.length === 0) e[`outlets.${i}.categories`] = '至少选择一个服务类别';
    const hours = weekProblem(o.hours);
    if (hours) e[`outlets.${i}.hours`] = hours;
  });
  return e;
}

const toRequest = (o: OutletDraft) => ({
  name: o.name.trim(),
  address: o.address.trim(),
  streetCode: o.streetCode,
  lng: o.point!.lng,
  lat: o.point!.lat,
  categories: o.categories,
  hours: o.hours,
});

/** A merchant registers a business licence with one or more outlets (一照多址); everything waits for review. */
export default function RegisterPage() {
  const { params } = useRouter();
  /** 一照多址 from 我的网点: the licence is one the merchant already holds; nothing about it is asked again. */
  const businessId = params.business ?? '';
  const streets = useAction('geo.streets', {});
  const offices = useAction('geo.streetOffices', {});
  const mine = useAction('merchants.mine', businessId ? {} : null);
  const held = mine.data?.businesses.find((b) => b.id === businessId) ?? null;
  const me = useMe();
  const [biz, setBiz] = useState<Business>({ creditCode: '', legalName: '', contactName: '', contactPhone: '' });
  const [licence, setLicence] = useState<{ fileId: string; preview: string } | null>(null);
  const [outlets, setOutlets] = useState<OutletDraft[]>(() => [emptyOutlet()]);
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
  const addOutlets = useMutation('merchants.addOutlets', {
    invalidates: ['merchants.mine', 'reviews.queue'],
    success: '已提交，等待审核',
    // Opened from 我的网点: back to it (it reloads when shown), rather than a second copy of it.
    onSuccess: back,
  });
  const sent = businessId ? addOutlets : register;
  const errors: Record<string, string> = { ...found, ...sent.fieldErrors };
  if (upload.error) errors.licenseFile = upload.error;
  const busy = sent.busy;
  // Messages about fields this form does not show (or a message about no field) go above the submit button.
  const elsewhere = Object.entries(sent.fieldErrors)
    .filter(([f]) => !shownHere(f, !!businessId))
    .map(([f, m]) => `${labelOf(f)}：${m}`);
  const formError = sent.formError ?? (elsewhere.length ? elsewhere.join('；') : null);
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
        <StateView loading={false} error={null} signIn emptyText='登录后即可登记网点' />
      </Page>
    );

  function submit() {
    const problems = check(businessId ? null : biz, licence?.fileId ?? null, outlets);
    setFound(problems);
    sent.reset();
    const n = Object.keys(problems).length;
    setCheckError(n ? `有 ${n} 处需要修改，请按各项下方的提示修改后再提交` : null);
    if (n) return;
    if (businessId) {
      void subscribe().then(() => addOutlets.run({ businessId, outlets: outlets.map(toRequest) }));
      return;
    }
    void subscribe().then(() =>
      register.run({
        creditCode: biz.creditCode.trim(),
        legalName: biz.legalName.trim(),
        contactName: biz.contactName.trim(),
        contactPhone: biz.contactPhone.trim(),
        licenseFile: licence!.fileId,
        outlets: outlets.map(toRequest),
      }),
    );
  }

  const setB = (k: keyof Business) => (v: string) => setBiz((b) => ({ ...b, [k]: v }));
  return (
    <Page name='register'>
      {businessId ? (
        <View className='card held-licence'>
          <Text className='section-label block'>为已登记的营业执照新增网点（一照多址）</Text>
          <Text className='block'>
            {held ? held.legalName : mine.loading ? '正在读取营业执照…' : '未找到这份营业执照'}
          </Text>
          <Text className='muted block'>无需再次填写执照信息或上传照片；新网点审核通过后对居民显示。</Text>
        </View>
      ) : (
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
      )}
      {outlets.map((o, i) => (
        <OutletFields
          key={i}
          index={i}
          draft={o}
          streets={streets.data ?? []}
          offices={offices.data ?? []}
          errors={errors}
          onChange={(d) => setOutlets((all) => all.map((x, j) => (j === i ? d : x)))}
          onRemove={outlets.length > 1 ? () => setOutlets((all) => all.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <Button className='add-outlet' onClick={() => setOutlets((all) => [...all, emptyOutlet()])}>
        再添加一个网点
      </Button>
      {(checkError ?? formError) && <Text className='form-error block'>{checkError ?? formError}</Text>}
      <Button className='btn-primary submit' loading={busy} disabled={busy || undefined} onClick={submit}>
        提交审核
      </Button>
    </Page>
  );
}
