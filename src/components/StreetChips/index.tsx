import { Text, View } from '@tarojs/components';
import { pressable } from '@/services/a11y';

interface Props {
  streets: { code: string; name: string }[];
  /** The chosen street's code, or null for "all" (when `allLabel` offers it). */
  value: string | null;
  onChange: (code: string | null) => void;
  /** A first chip that chooses no street, e.g. 全区 or 全部街道. */
  allLabel?: string;
  className?: string;
}

/** A row of street chips (names without 街道), one chosen; what admins use to narrow a page to one street. */
export default function StreetChips({ streets, value, onChange, allLabel, className = '' }: Props) {
  return (
    <View className={`chips-wrap ${className}`} role='group' aria-label='街道'>
      {allLabel && (
        <Text
          className={`chip ${value === null ? 'chip-on' : ''}`}
          {...pressable(value === null)}
          onClick={() => onChange(null)}
        >
          {allLabel}
        </Text>
      )}
      {streets.map((s) => (
        <Text
          key={s.code}
          className={`chip ${value === s.code ? 'chip-on' : ''}`}
          {...pressable(value === s.code)}
          onClick={() => onChange(s.code)}
        >
          {s.name.replace(/街道$/, '')}
        </Text>
      ))}
    </View>
  );
}
