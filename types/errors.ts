/**
 * The closed set of error codes that can cross the wire. Codes are for code; every error also carries a
 * Chinese message for people.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FULL',
  'RATE_LIMITED',
  'OUTSIDE_DISTRICT',
  'CLOSED',
  'OUT_OF_WINDOW',
  'INVALID_CODE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** The input field the error is about (a dotted path such as `outlets.0.hours`), when there is one. */
  field?: string;
  /** Every input field found wrong at once (field → Chinese message), so a form can mark them all. */
  fields?: Record<string, string>;
}

/** The envelope every function answers with. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Default Chinese messages, used when a handler gives none. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '输入有误',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被占用或已变更，请刷新后重试',
  FULL: '名额已满',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  OUTSIDE_DISTRICT: '位置不在西城区范围内',
  CLOSED: '报名已截止或活动已取消',
  OUT_OF_WINDOW: '不在签到时间内',
  INVALID_CODE: '签到码无效',
  INTERNAL: '服务暂时不可用，请稍后再试',
};
