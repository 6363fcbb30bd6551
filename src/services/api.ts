import Taro from '@tarojs/taro';
import type { ActionKey, Envelope, ErrorCode, Req, Res } from '@/types';
import { getSession, setSession } from './session';

/** The H5 build is served by the local server itself; the WeChat build reaches it by address. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:8080';
/** With a CloudBase environment configured, the WeChat build calls the cloud functions instead. */
export const CLOUD_ENV = process.env.TARO_ENV === 'weapp' ? process.env.TARO_APP_CLOUD_ENV || '' : '';

let cloudReady = false;
export function cloud(): typeof Taro.cloud {
  if (!cloudReady) {
    Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    cloudReady = true;
  }
  return Taro.cloud;
}

/** Cloud: the platform vouches for the caller, so no session travels with the call. */
async function viaCloud<T>(fn: string, action: string, data: unknown): Promise<Envelope<T>> {
  const res = await cloud().callFunction({ name: fn, data: { action, data } });
  return res.result as Envelope<T>;
}

async function viaHttp<T>(fn: string, action: string, data: unknown, token: string | null): Promise<Envelope<T>> {
  const res = await Taro.request<Envelope<T>>({
    url: `${API_BASE}/api/${fn}`,
    method: 'POST',
    header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    data: { action, data },
  });
  if (!res.data || typeof res.data !== 'object' || !('ok' in res.data)) throw new Error(`HTTP ${res.statusCode}`);
  return res.data;
}

/** An error answered by a function, or a network fault (`INTERNAL`). Its message is for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, for showing it under that field. */
    readonly field?: string,
    /** Every field found wrong at once (field → message), when the server checked a whole form. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one typed caller: every request and response type comes from the action map in types/. */
export async function callCloud<K extends ActionKey>(action: K, data: Req<K>): Promise<Res<K>> {
  const [fn, name] = action.split('.');
  const session = getSession();
  let envelope: Envelope<Res<K>>;
  try {
    envelope = CLOUD_ENV
      ? await viaCloud<Res<K>>(fn, name, data)
      : await viaHttp<Res<K>>(fn, name, data, session?.token ?? null);
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new Error('not an envelope');
  } catch {
    throw new ApiError('INTERNAL', '网络连接失败，请检查网络后重试');
  }
  if (envelope.ok) return envelope.data;
  if (envelope.error.code === 'UNAUTHENTICATED' && session) setSession(null);
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.field, envelope.error.fields);
}
