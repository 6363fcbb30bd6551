import { View } from '@tarojs/components';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useElder } from '@/hooks/useElder';
import { systemFontScale } from '@/services/device';
import { elderTextScale } from '@/services/elder';

/**
 * The browser build's title bar draws its back and home buttons as bare icons: give them names and roles; and make
 * each page's scrolling box reachable from the keyboard.
 */
function nameTitleBarButtons(): void {
  for (const [cls, name] of [
    ['taro-navigation-bar-back', '返回'],
    ['taro-navigation-bar-home', '回到首页'],
  ] as const) {
    const el = document.querySelector(`.${cls}`);
    if (!el || el.getAttribute('aria-label')) continue;
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-label', name);
    el.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }
  // Below the title bar each page scrolls in its own box: keyboard users must be able to reach it to scroll.
  for (const page of document.querySelectorAll('.taro_page:not([tabindex])')) page.setAttribute('tabindex', '0');
}

/**
 * Every page's root: its own class (each page stylesheet nests under it) plus `elder` in 长辈版, which switches
 * the theme's sizes (styles/theme.scss), its text scaled further when WeChat's font is enlarged. In the browser the
 * document follows too, for the tab bar and toasts.
 */
export default function Page({ name, children }: { name: string; children: ReactNode }) {
  const { elder } = useElder();
  const scale = useMemo(() => elderTextScale(systemFontScale()), []);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder-doc', elder);
  }, [elder]);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') nameTitleBarButtons();
  }, []);
  return (
    <View
      className={`page ${name}${elder ? ' elder' : ''}`}
      style={elder && scale > 1 ? { ['--font-scale' as string]: String(scale) } : undefined}
    >
      {children}
    </View>
  );
}
