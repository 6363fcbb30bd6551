import Taro from '@tarojs/taro';
import type { ActionKey, Envelope, ErrorCode, Req, Res } from '../../types';
import { getSession, setSession } from './session';

/** The H5 build is served by the local server itself; the WeChat build reaches it by address. */
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:8080';

/** An error answered by a function, or a network fault (`INTERNAL`). Its message is for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
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
    const res = await Taro.request<Envelope<Res<K>>>({
      url: `${API_BASE}/api/${fn}`,
      method: 'POST',
      header: { 'content-type': 'application/json', ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
      data: { action: name, data },
    });
    envelope = res.data;
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new Error(`HTTP ${res.statusCode}`);
  } catch {
    throw new ApiError('INTERNAL', '网络连接失败，请检查网络后重试');
  }
  if (envelope.ok) return envelope.data;
  if (envelope.error.code === 'UNAUTHENTICATED' && session) setSession(null);
  throw new ApiError(envelope.error.code, envelope.error.message);
}
