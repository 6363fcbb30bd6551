import { Text, View } from '@tarojs/components';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId, type Street, type WeeklyHours } from '@/types';
import FormField from '@/components/FormField';
import HoursEditor from '@/components/HoursEditor';
import { defaultWeek } from '@/components/HoursEditor/week';
import MapPicker from '@/components/MapPicker';
import { pressable } from '@/services/a11y';
import type { LngLat } from '@/services/coords';

export interface OutletDraft {
  name: string;
  address: string;
  streetCode: string;
  /** Chosen on the map (GCJ-02), never typed. */
  point: LngLat | null;
  categories: CategoryId[];
  hours: WeeklyHours;
}

export const emptyOutlet = (): OutletDraft => ({
  name: '',
  address: '',
  streetCode: '',
  point: null,
  categories: [],
  hours: defaultWeek(),
});

/** The labels of an outlet's fields, for messages that name them. */
export const OUTLET_LABELS: Record<string, string> = {
  name: '网点名称',
  address: '详细地址',
  streetCode: '所在街道',
  lng: '网点位置',
  lat: '网点位置',
  communityCode: '所在社区',
  categories: '服务类别',
  hours: '营业时间',
  phone: '电话',
};

interface Props {
  index: number;
  draft: OutletDraft;
  streets: Street[];
  /** Street offices' points: the map opens near the chosen street. */
  offices?: { code: string; lng: number; lat: number }[];
  errors: Record<string, string>;
  onChange: (d: OutletDraft) => void;
  onRemove?: () => void;
}

/** The fields of one outlet in the registration form. Errors are keyed `outlets.<i>.<field>`. */
export default function OutletFields({ index, draft, streets, offices, errors, onChange, onRemove }: Props) {
  const set = <K extends keyof OutletDraft>(k: K, v: OutletDraft[K]) => onChange({ ...draft, [k]: v });
  const err = (f: string) => errors[`outlets.${index}.${f}`];
  return (
    <View className={`card outlet-fields outlet-${index}`}>
      <View className='row'>
        <Text className='section-label'>网点 {index + 1}</Text>
        {onRemove && (
          <Text className='link' {...pressable(undefined, `删除网点 ${index + 1}`)} onClick={onRemove}>
            删除
          </Text>
        )}
      </View>
      <FormField
        name='outlet-name'
        label='网点名称'
        value={draft.name}
        error={err('name')}
        onChange={(v) => set('name', v)}
      />
      <FormField
        name='outlet-address'
        label='详细地址'
        value={draft.address}
        error={err('address')}
        onChange={(v) => set('address', v)}
      />
      <Text className='form-label block'>所在街道</Text>
      <View className='chips-wrap'>
        {streets.map((s) => (
          <Text
            key={s.code}
            className={`chip ${draft.streetCode === s.code ? 'chip-on' : ''}`}
            {...pressable(draft.streetCode === s.code)}
            onClick={() => set('streetCode', s.code)}
          >
            {s.name.replace(/街道$/, '')}
          </Text>
        ))}
      </View>
      {err('streetCode') && <Text className='form-error'>{err('streetCode')}</Text>}
      <MapPicker
        name='outlet'
        label='网点位置（在地图上点选）'
        value={draft.point}
        near={offices?.find((o) => o.code === draft.streetCode) ?? null}
        error={err('lng') ?? err('lat')}
        onChange={(p) => set('point', p)}
      />
      <Text className='form-label block'>服务类别</Text>
      <View className='chips-wrap'>
        {BASIC_CATEGORIES.map((c) => (
          <Text
            key={c}
            className={`chip ${draft.categories.includes(c) ? 'chip-on' : ''}`}
            {...pressable(draft.categories.includes(c))}
            onClick={() =>
              set(
                'categories',
                draft.categories.includes(c) ? draft.categories.filter((x) => x !== c) : [...draft.categories, c],
              )
            }
          >
            {CATEGORY_BY_ID[c].name}
          </Text>
        ))}
      </View>
      {err('categories') && <Text className='form-error'>{err('categories')}</Text>}
      <HoursEditor value={draft.hours} error={err('hours')} onChange={(h) => set('hours', h)} />
    </View>
  );
}
