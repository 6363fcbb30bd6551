import { Switch, Text, View } from '@tarojs/components';
import { useElder } from '@/hooks/useElder';
import { PALETTE } from '@/styles/palette';
import './index.scss';

/** The 长辈版 switch (large text, big buttons, a simpler home), on the home page and in 我的. */
export default function ElderSwitch() {
  const { elder, setElder } = useElder();
  return (
    <View className='card elder-switch'>
      <View className='elder-switch-text'>
        <Text className='elder-switch-title'>长辈版</Text>
        <Text className='muted elder-switch-hint'>{elder ? '已开启：大字体、大按钮' : '大字体、大按钮、更简单'}</Text>
      </View>
      <Switch
        className='elder-toggle big-switch'
        checked={elder}
        color={PALETTE.primary}
        aria-label='长辈版'
        nativeProps={{ 'aria-label': '长辈版' }}
        onChange={(e) => setElder(e.detail.value)}
      />
    </View>
  );
}
