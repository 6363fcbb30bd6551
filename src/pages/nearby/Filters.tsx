import { Switch, Text, View } from '@tarojs/components';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '@/types';
import { pressable } from '@/services/a11y';
import { PALETTE } from '@/styles/palette';

interface Props {
  category: CategoryId | null;
  onCategory: (c: CategoryId | null) => void;
  openNow: boolean;
  onOpenNow: (v: boolean) => void;
}

/** Short chip labels for the eight basic services. */
const SHORT: Partial<Record<CategoryId, string>> = { convenience: '便利店', parcel: '快递' };

/** Category chips (the eight basic services) and the open-now switch. */
export default function Filters({ category, onCategory, openNow, onOpenNow }: Props) {
  return (
    <View className='filters'>
      <View className='chips-wrap'>
        <Text
          className={`chip ${category === null ? 'chip-on' : ''}`}
          {...pressable(category === null)}
          onClick={() => onCategory(null)}
        >
          全部
        </Text>
        {BASIC_CATEGORIES.map((c) => (
          <Text
            key={c}
            className={`chip ${category === c ? 'chip-on' : ''}`}
            {...pressable(category === c)}
            onClick={() => onCategory(c)}
          >
            {SHORT[c] ?? CATEGORY_BY_ID[c].name}
          </Text>
        ))}
      </View>
      <View className='row open-now'>
        <Text>只看营业中</Text>
        <Switch
          className='open-switch big-switch'
          nativeProps={{ 'aria-label': '只看营业中' }}
          checked={openNow}
          color={PALETTE.primary}
          onChange={(e) => onOpenNow(e.detail.value)}
        />
      </View>
    </View>
  );
}
