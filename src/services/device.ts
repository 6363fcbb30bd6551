import Taro from '@tarojs/taro';
import { MESSAGE_KINDS, type MessageKind } from '@/types';
import { wgs84ToGcj02, type LngLat } from './coords';

/**
 * The phone's abilities, in one place: location, scanning, calling, maps, clipboard, photos and the system font
 * scale. Pages never call these platform APIs themselves.
 */

/** Where the person is, in GCJ-02 (as all our data). A browser only gives WGS-84, which is converted. */
export async function currentLocation(): Promise<LngLat> {
  if (process.env.TARO_ENV === 'h5') {
    // Browsers answer only WGS-84 (Taro refuses `gcj02` there): ask for it and convert.
    const pos = await Taro.getLocation({ type: 'wgs84' });
    return wgs84ToGcj02({ lng: pos.longitude, lat: pos.latitude });
  }
  const pos = await Taro.getLocation({ type: 'gcj02' });
  return { lng: pos.longitude, lat: pos.latitude };
}

/** WeChat's own place picker (GCJ-02): answers the chosen point and its name/address, or null when cancelled. */
export async function chooseLocationNative(
  near: LngLat | null,
): Promise<(LngLat & { name: string; address: string }) | null> {
  try {
    const res = await Taro.chooseLocation(near ? { longitude: near.lng, latitude: near.lat } : {});
    return { lng: res.longitude, lat: res.latitude, name: res.name, address: res.address };
  } catch {
    return null;
  }
}

/** Scans a QR code with the camera; answers its text. */
export async function scanQr(): Promise<string> {
  const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
  return res.result;
}

/** Calls a phone number (the system asks the person to confirm). */
export function callPhone(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/** Opens the system map at a place (GCJ-02). */
export function openMap(place: { lng: number; lat: number; name: string; address: string }): void {
  void Taro.openLocation({
    longitude: place.lng,
    latitude: place.lat,
    name: place.name,
    address: place.address,
    scale: 17,
  }).catch(() => undefined);
}

export async function copyText(data: string): Promise<void> {
  await Taro.setClipboardData({ data });
}

/** A picked photo: its local path, and its type and size where the platform says them. */
export interface PickedPhoto {
  path: string;
  type: string | null;
  size: number | null;
}

/** In the browser: a file input of our own, so that a file that is not an image is seen (Taro drops it silently). */
function pickFileInBrowser(): Promise<PickedPhoto | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png';
    input.className = 'photo-file-input';
    input.setAttribute('aria-label', '选择照片');
    input.style.cssText = 'position:fixed;left:-4000px;top:-4000px';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), type: file.type || null, size: file.size } : null);
    };
    input.oncancel = () => {
      input.remove();
      resolve(null);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the person take or pick one photo; answers it, or null when nothing was chosen. */
export async function chooseOnePhoto(): Promise<PickedPhoto | null> {
  if (process.env.TARO_ENV === 'h5') return pickFileInBrowser();
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const f = picked.tempFiles?.[0];
  const path = picked.tempFilePaths[0];
  return path ? { path, type: f?.type ?? null, size: f?.size ?? null } : null;
}

/** WeChat's font scale (1 = standard); undefined where the platform does not say (the browser). */
export function systemFontScale(): number | undefined {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined;
    return typeof info?.fontSizeScaleFactor === 'number' ? info.fontSizeScaleFactor : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the person to confirm something that cannot be undone (the only dialog the app shows). */
export async function confirmAction(title: string, content: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '不了' });
  return res.confirm;
}

/**
 * The WeChat subscription template of each message kind, as JSON {kind: templateId} (from the WeChat console),
 * baked into the build from TARO_APP_TEMPLATES (config/index.ts); without it nothing is asked.
 */
const TEMPLATES_JSON: string = process.env.TARO_APP_TEMPLATES || '{}';

function subscriptionTemplates(): Partial<Record<MessageKind, string>> {
  try {
    const parsed: unknown = JSON.parse(TEMPLATES_JSON || '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        ([k, v]) => (MESSAGE_KINDS as readonly string[]).includes(k) && typeof v === 'string' && v,
      ),
    ) as Partial<Record<MessageKind, string>>;
  } catch {
    return {};
  }
}

/**
 * Asks, in WeChat, for the one-time subscription to these kinds of message (must run from the tap itself) and
 * answers the kinds the person accepted; nothing is asked in the browser or when no template is configured.
 */
export async function askSubscription(kinds: readonly MessageKind[]): Promise<MessageKind[]> {
  if (process.env.TARO_ENV !== 'weapp') return [];
  const templates = subscriptionTemplates();
  const asked = kinds.filter((k) => templates[k]).slice(0, 3);
  if (asked.length === 0) return [];
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: asked.map((k) => templates[k]!),
      entityIds: [],
    } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, string>;
    return asked.filter((k) => res[templates[k]!] === 'accept');
  } catch {
    return [];
  }
}

/**
 * Before an action that leads to messages: asks for the subscriptions (see `askSubscription`) and reports the
 * accepted kinds with `report`. Never throws and never waits on anything but the person's answer, so the action
 * that follows runs whatever they chose; answers the accepted kinds.
 */
export async function subscribeBeforeAction(
  kinds: readonly MessageKind[],
  report: (accepted: MessageKind[]) => Promise<unknown>,
): Promise<MessageKind[]> {
  const accepted = await askSubscription(kinds);
  if (accepted.length > 0) await report(accepted).catch(() => undefined);
  return accepted;
}
