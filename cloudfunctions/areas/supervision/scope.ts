import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';

/**
 * The street a caller's request is about: an admin may ask for any street or the whole district (null); a worker
 * only for their own street, which is also their default.
 */
export function scopedStreet({ user }: SignedInCtx, asked: string | undefined): string | null {
  if (user.role === 'admin') return asked ?? null;
  const own = user.scope?.streetCode ?? null;
  if (!own) throw new AppError('FORBIDDEN', '您的账号尚未绑定街道');
  if (asked && asked !== own) throw new AppError('FORBIDDEN', '只能查看本街道的监测数据', 'streetCode');
  return own;
}
