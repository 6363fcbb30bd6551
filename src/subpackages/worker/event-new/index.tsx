import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, EVENT_THEMES, type CategoryId } from '@/types';
import FormField from '@/components/FormField';
import MapPicker from '@/components/MapPicker';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import TimeField from '@/components/TimeField';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { replace } from '@/services/navigation';
import { beijingDate } from '@/services/time';
import OutletPicker from './OutletPicker';
import { validateEventForm, type EventForm } from './validate';
import './index.scss';

const EMPTY: EventForm = {
  title: '',
  theme: '便民服务',
  communityCode: null,
  placeName: '',
  point: null,
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
  const me = useMe();
  const user = me.user;
  const street = user?.scope?.streetCode ?? null;
  const communities = useAction('geo.communities', street ? { streetCode: street } : null);
  const [form, setForm] = useState<EventForm>(EMPTY);
  const [checked, setChecked] = useState<Partial<Record<keyof EventForm, string>>>({});
  const create = useMutation('events.create', {
    invalidates: ['events.list'],
    success: '活动已发布',
    onSuccess: (created) => replace('eventManage', { id: created.event.id }),
  });
  // The server names coordinates and instants; the form shows them under the map and the pickers.
  const server = create.fieldErrors;
  const errors: Partial<Record<string, string>> = {
    ...checked,
    ...server,
    ...(server.lng || server.lat ? { point: server.lng ?? server.lat } : {}),
    ...(server.startAt ? { start: server.startAt } : {}),
    ...(server.endAt ? { end: server.endAt } : {}),
    ...(server.deadline ? { deadlineDate: server.deadline } : {}),
  };
  const busy = create.busy;
  // A server error about a field the form shows goes under it; any other one below the form.
  const SERVER_SHOWN = ['lng', 'lat', 'startAt', 'endAt', 'deadline'];
  const shownField = Object.keys(server).some((f) => f in EMPTY || SERVER_SHOWN.includes(f));
  const serverError = shownField ? null : create.error;
  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  if (me.loading && !user)
    return (
      <Page name='event-new'>
        <StateView loading error={null} />
      </Page>
    );
  if (!user || user.role !== 'worker' || !street)
    return (
      <Page name='event-new'>
        <StateView loading={false} error={null} empty emptyText='请以街道或社区工作者身份登录后发布活动' />
      </Page>
    );

  function submit() {
    const result = validateEventForm(form, street as string);
    if ('errors' in result) return setChecked(result.errors);
    setChecked({});
    void create.run(result.req);
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

  const today = beijingDate(new Date());
  const picker = (
    k: 'date' | 'start' | 'end' | 'deadlineDate' | 'deadlineTime',
    label: string,
    mode: 'date' | 'time',
  ) => (
    <TimeField
      name={k}
      label={label}
      mode={mode}
      start={mode === 'date' ? today : undefined}
      value={form[k]}
      error={errors[k]}
      onChange={(v) => set(k, v)}
    />
  );

  return (
    <Page name='event-new'>
      <View className='card'>
        {field('title', '活动名称', '如：便民服务进社区·磨刀修伞')}
        <Text className='form-label block'>主题</Text>
        <View className='chips-wrap'>
          {EVENT_THEMES.map((t) => (
            <Text
              key={t}
              className={`chip ${form.theme === t ? 'chip-on' : ''}`}
              {...pressable(form.theme === t)}
              onClick={() => set('theme', t)}
            >
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
                {...pressable(form.communityCode === c.code)}
                onClick={() =>
                  setForm((f) => ({
                    ...f,
                    communityCode: c.code,
                    placeName: f.placeName || `${c.name}活动室`,
                    point: { lng: c.location!.coordinates[0], lat: c.location!.coordinates[1] },
                  }))
                }
              >
                {c.name.replace(/(社区)?居委会$/, '')}
              </Text>
            ))}
        </View>
        {field('placeName', '活动地点', '如：西交民巷社区活动室')}
        <MapPicker
          name='event'
          label='活动地点在地图上的位置'
          value={form.point}
          error={errors.point}
          onChange={(p) => set('point', p)}
        />
        {picker('date', '活动日期（北京时间）', 'date')}
        {picker('start', '开始时间', 'time')}
        {picker('end', '结束时间', 'time')}
        {picker('deadlineDate', '报名截止日期', 'date')}
        {picker('deadlineTime', '报名截止时间', 'time')}
        {field('capacity', '名额', '50')}
        <Text className='form-label block'>提供的服务（计入弹性覆盖）</Text>
        <View className='chips-wrap'>
          {BASIC_CATEGORIES.map((c: CategoryId) => (
            <Text
              key={c}
              className={`chip ${form.categories.includes(c) ? 'chip-on' : ''}`}
              {...pressable(form.categories.includes(c))}
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
        <OutletPicker point={form.point} chosen={form.outletIds} onChange={(ids) => set('outletIds', ids)} />
        <Text className='form-label block'>活动介绍</Text>
        <Textarea
          className='field-textarea textarea'
          nativeProps={{ 'aria-label': '活动介绍' }}
          value={form.description}
          maxlength={2000}
          onInput={(e) => set('description', e.detail.value)}
        />
        {serverError && <Text className='form-error block'>{serverError}</Text>}
        <Button className='btn-primary submit' loading={busy} disabled={busy || undefined} onClick={submit}>
          发布活动
        </Button>
      </View>
    </Page>
  );
}
