import { View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { useElder } from '@/hooks/useElder';

/**
 * Every page's root: its own class (each page stylesheet nests under it) plus `elder` in 长辈版, which switches
 * the theme's sizes (styles/theme.scss). In the browser the document follows too, for the tab bar and toasts.
 */
export default function Page({ name, children }: { name: string; children: ReactNode }) {
  const { elder } = useElder();
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder-doc', elder);
  }, [elder]);
  return <View className={`page ${name}${elder ? ' elder' : ''}`}>{children}</View>;
}
