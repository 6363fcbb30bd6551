/** 长辈版: when large-text mode is on. The pure rule, and the same rule as the app runs it in WeChat. */

const storage = new Map<string, unknown>();
const baseInfo = { fontSizeScaleFactor: 1 as number | undefined };
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getAppBaseInfo: () => ({ ...baseInfo }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    eventCenter: { trigger: () => undefined, on: () => undefined, off: () => undefined },
  },
}));

import { elderModeOn, elderTextScale, isElder, setElderChoice } from '@/services/elder';

describe('the 长辈版 rule', () => {
  it('turns on by itself when WeChat reports a font scale of 1.2 or more, and not below', () => {
    expect(elderModeOn(null, 1.4)).toBe(true);
    expect(elderModeOn(null, 1.2)).toBe(true);
    expect(elderModeOn(null, 1.15)).toBe(false);
    expect(elderModeOn(null, 1)).toBe(false);
  });

  it('stays off where the platform reports no font scale (the browser) until the person turns it on', () => {
    expect(elderModeOn(null, undefined)).toBe(false);
    expect(elderModeOn(true, undefined)).toBe(true);
  });

  it("lets the person's explicit choice win over the phone's font setting, either way", () => {
    expect(elderModeOn(false, 1.4)).toBe(false);
    expect(elderModeOn(true, 1)).toBe(true);
  });
});

describe('长辈版 text under an enlarged WeChat font', () => {
  it('grows to the 关怀模式 size: at a scale of 1.4 body text of 20 px becomes 23.8 px', () => {
    expect(elderTextScale(1.4)).toBe(1.19);
    expect(20 * elderTextScale(1.4)).toBeCloseTo(23.8, 1);
  });

  it('never shrinks below its own sizes', () => {
    expect(elderTextScale(1)).toBe(1);
    expect(elderTextScale(1.1)).toBe(1);
    expect(elderTextScale(undefined)).toBe(1);
  });
});

describe('长辈版 in WeChat (getAppBaseInfo and storage)', () => {
  beforeEach(() => {
    storage.clear();
    baseInfo.fontSizeScaleFactor = 1;
  });

  it('is on for a person whose WeChat font scale is 1.4, and off at the standard scale', () => {
    baseInfo.fontSizeScaleFactor = 1.4;
    expect(isElder('demo:resident')).toBe(true);
    baseInfo.fontSizeScaleFactor = 1;
    expect(isElder('demo:resident')).toBe(false);
  });

  it('stays off at a font scale of 1.4 once the person turned it off, and that choice is theirs alone', () => {
    baseInfo.fontSizeScaleFactor = 1.4;
    setElderChoice('demo:resident', false);
    expect(isElder('demo:resident')).toBe(false);
    expect(isElder('demo:merchant')).toBe(true);
  });

  it('stays on at the standard scale once the person turned it on', () => {
    setElderChoice('demo:resident', true);
    expect(isElder('demo:resident')).toBe(true);
    expect(isElder('someone-else')).toBe(false);
  });
});
