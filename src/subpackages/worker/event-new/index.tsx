import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, EVENT_THEMES, type CategoryId } from '../../../../types';
import FormField from '../../../components/FormField';
import StateView from '../../../components/StateView';
import OutletPicker from './OutletPicker';
import { routeUrl } from '../../../constants/routes';
import { useAction } from '../../../hooks/useAction';
import { ApiError, callCloud } from '../../../services/api';
import { validateEventForm, type EventForm } from './validate';
import './index.scss';

const EMPTY: EventForm = {
  title: '',
  theme: '便民服务',
  communityCode: null,
  placeName: '',
  lng: '',
  lat: '',
  date: '',
  start: '09:00',
  end: '11:30',
  deadlineDate: '',
  deadlineTime: '18:00',
  capacity: '50',
  categories: [],
  outletIds: [],
  description: '',
};

/** A worker posts an event for their street (or community); fields are checked one by one, in Chinese. */
export default function EventNewPage() {
  const me = useAction('auth.me', {});
  const user = me.data?.user ?? null;
  const street = user?.scope?.streetCode ?? null;
  const communities = useAction('geo.communities', street ? { streetCode: street } : null);
  const [form, setForm] = useState<EventForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof EventForm, string>>>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  if (me.loading) return <StateView loading error={null} />;
  if (!user || user.role !== 'worker' || !street)
    return <StateView loading={false} error={null} empty emptyText='请以街道或社区工作者身份登录后发布活动' />;

  async function submit() {
    const checked = validateEventForm(form, street as string);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    setServerError(null);
    setBusy(true);
    try {
      const created = await callCloud('events.create', checked.req);
      Taro.showToast({ title: '活动已发布', icon: 'success' });
      void Taro.redirectTo({ url: routeUrl('eventManage', { id: created.event.id }) });
    } catch (e) {
      setServerError(e instanceof ApiError ? e.message : '发布失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof EventForm, label: string, placeholder: string) => (
    <FormField
      name={k}
      label={label}
      placeholder={placeholder}
      value={String(form[k] ?? '')}
      error={errors[k]}
      onChange={(v) => set(k, v as never)}
    />
  );

  return (
    <View className='page event-new'>
      <View className='card'>
        {field('title', '活动名称', '如：便民服务进社区·磨刀修伞')}
        <Text className='form-label block'>主题</Text>
        <View className='chips-wrap'>
          {EVENT_THEMES.map((t) => (
            <Text key={t} className={`chip ${form.theme === t ? 'chip-on' : ''}`} onClick={() => set('theme', t)}>
              {t}
            </Text>
          ))}
        </View>
        <Text className='form-label block'>社区（选中后以社区位置为活动地点）</Text>
        <View className='chips-wrap'>
          {(communities.data?.items ?? [])
            .filter((c) => c.location)
            .map((c) => (
              <Text
                key={c.code}
                className={`chip ${form.communityCode === c.code ? 'chip-on' : ''}`}
                onClick={() =>
                  setForm((f) => ({
                    ...f,
                    communityCode: c.code,
                    placeName: f.placeName || `${c.name}活动室`,
                    lng: String(c.location!.coordinates[0]),
                    lat: String(c.location!.coordinates[1]),
                  }))
                }
              >
                {c.name.replace(/(社区)?居委会$/, '')}
              </Text>
            ))}
        </View>
        {field('placeName', '活动地点', '如：西交民巷社区活动室')}
        {field('lng', '经度', 'GCJ-02，如 116.3874')}
        {field('lat', '纬度', 'GCJ-02，如 39.9035')}
        {field('date', '日期', '2026-12-05')}
        {field('start', '开始', '09:00')}
        {field('end', '结束', '11:30')}
        {field('deadlineDate', '报名截止日期', '2026-12-04')}
        {field('deadlineTime', '报名截止时间', '18:00')}
        {field('capacity', '名额', '50')}
        <Text className='form-label block'>提供的服务（计入弹性覆盖）</Text>
        <View className='chips-wrap'>
          {BASIC_CATEGORIES.map((c: CategoryId) => (
            <Text
              key={c}
              className={`chip ${form.categories.includes(c) ? 'chip-on' : ''}`}
              onClick={() =>
                set(
                  'categories',
                  form.categories.includes(c) ? form.categories.filter((x) => x !== c) : [...form.categories, c],
                )
              }
            >
              {CATEGORY_BY_ID[c].name}
            </Text>
          ))}
        </View>
        <Text className='form-label block'>参与商户（活动地点步行 10 分钟内已审核的网点）</Text>
        <OutletPicker lng={form.lng} lat={form.lat} chosen={form.outletIds} onChange={(ids) => set('outletIds', ids)} />
        <Text className='form-label block'>活动介绍</Text>
        <Textarea
          className='field-textarea'
          value={form.description}
          maxlength={2000}
          onInput={(e) => set('description', e.detail.value)}
        />
        {serverError && <Text className='form-error block'>{serverError}</Text>}
        <Button className='btn-primary submit' loading={busy} disabled={busy || undefined} onClick={submit}>
          发布活动
        </Button>
      </View>
    </View>
  );
}
