import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** Names the CSS class (`field-<name>`), for tests and styles. */
  name: string;
  label: string;
  mode: 'date' | 'time';
  /** `2026-12-05` or `09:00` (Beijing time), or '' when not chosen yet. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Earliest date (`YYYY-MM-DD`) that may be chosen. */
  start?: string;
}

/**
 * A date or a time of day, chosen, never typed. In WeChat the platform's Picker (mode date / time); in the browser
 * the browser's own date and time controls, which phones show as their native wheels.
 */
export default function TimeField({ name, label, mode, value, onChange, error, start }: Props) {
  const shown = value || (mode === 'date' ? '请选择日期' : '请选择时间');
  return (
    <View className={`form-field time-field field-${name}`}>
      <Text className='form-label block'>{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className='form-input time-input'
          type={mode}
          value={value}
          min={start}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Picker mode={mode} value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='form-input time-value' aria-label={label}>
            {shown}
          </View>
        </Picker>
      )}
      {error && <Text className='form-error'>{error}</Text>}
    </View>
  );
}
