import { Text, View } from '@tarojs/components';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId, type Street } from '@/types';
import FormField from '@/components/FormField';
import { pressable } from '@/services/a11y';

export interface OutletDraft {
  name: string;
  address: string;
  streetCode: string;
  lng: string;
  lat: string;
  categories: CategoryId[];
  hours: string;
}

export const EMPTY_OUTLET: OutletDraft = {
  name: '',
  address: '',
  streetCode: '',
  lng: '',
  lat: '',
  categories: [],
  hours: 'daily 08:00-20:00',
};

interface Props {
  index: number;
  draft: OutletDraft;
  streets: Street[];
  errors: Record<string, string>;
  onChange: (d: OutletDraft) => void;
  onRemove?: () => void;
}

/** The fields of one outlet in the registration form. Errors are keyed `outlets.<i>.<field>`. */
export default function OutletFields({ index, draft, streets, errors, onChange, onRemove }: Props) {
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
      <FormField
        name='outlet-lng'
        label='经度（GCJ-02）'
        type='digit'
        value={draft.lng}
        error={err('lng')}
        onChange={(v) => set('lng', v)}
      />
      <FormField
        name='outlet-lat'
        label='纬度（GCJ-02）'
        type='digit'
        value={draft.lat}
        error={err('lat')}
        onChange={(v) => set('lat', v)}
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
      <FormField
        name='outlet-hours'
        label='营业时间（如 daily 07:00-20:00；mon-fri 08:00-18:00; sat,sun closed）'
        value={draft.hours}
        error={err('hours')}
        onChange={(v) => set('hours', v)}
      />
    </View>
  );
}
