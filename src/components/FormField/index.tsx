import { Input, Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  name: string;
  label: string;
  value: string;
  placeholder?: string;
  error?: string;
  type?: 'text' | 'number' | 'digit';
  onChange: (value: string) => void;
}

/** A labelled input with its own Chinese error message underneath. `name` also names its CSS class for tests. */
export default function FormField({ name, label, value, placeholder, error, type = 'text', onChange }: Props) {
  return (
    <View className={`form-field field-${name.replace(/\./g, '-')}`}>
      <Text className='form-label'>{label}</Text>
      <Input
        className='form-input'
        type={type}
        value={value}
        placeholder={placeholder}
        aria-label={label}
        nativeProps={{ 'aria-label': label, ...(error ? { 'aria-invalid': true } : {}) }}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className='form-error'>{error}</Text>}
    </View>
  );
}
