import Taro from '@tarojs/taro';
import { systemFontScale } from './device';

/** WeChat's font scale from which 长辈版 turns on by itself (the 小程序适老化设计指南's enlarged settings). */
export const ELDER_FONT_SCALE = 1.2;

/**
 * Whether 长辈版 (large-text mode) is on: the person's own choice wins; without one, it follows the phone's font
 * setting (on from a scale of 1.2). Pure, so that the rule is tested without a phone.
 */
export function elderModeOn(choice: boolean | null, fontScale: number | undefined): boolean {
  if (choice !== null) return choice;
  return fontScale !== undefined && fontScale >= ELDER_FONT_SCALE;
}

/** WeChat's standard body text (17 px) and ours in 长辈版 (20 px): 关怀模式 text is 17 px × the font scale. */
const WECHAT_BODY_PX = 17;
const ELDER_BODY_PX = 20;

/**
 * How much larger than its own sizes 长辈版 draws text so that body text matches WeChat's enlarged text (at a scale
 * of 1.4, 23.8 px, the 关怀模式 size); never smaller than 1.
 */
export function elderTextScale(fontScale: number | undefined): number {
  if (fontScale === undefined) return 1;
  return Math.max(1, Math.round(((WECHAT_BODY_PX * fontScale) / ELDER_BODY_PX) * 100) / 100);
}

const CHANGED = 'elder:changed';
const storageKey = (person: string) => `xc-elder:${person}`;

/** The person's explicit choice (kept per person on this phone), or null when they never chose. */
export function elderChoice(person: string): boolean | null {
  try {
    const v: unknown = Taro.getStorageSync(storageKey(person));
    return v === 'on' ? true : v === 'off' ? false : null;
  } catch {
    return null;
  }
}

export function setElderChoice(person: string, on: boolean): void {
  Taro.setStorageSync(storageKey(person), on ? 'on' : 'off');
  Taro.eventCenter.trigger(CHANGED);
}

export function isElder(person: string): boolean {
  return elderModeOn(elderChoice(person), systemFontScale());
}

export function onElderChange(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED, listener);
  return () => Taro.eventCenter.off(CHANGED, listener);
}
