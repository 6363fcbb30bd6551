import type { Req } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import type { SignedInCtx } from '../../router/define';

/** A short-lived link to a licence image, for its owner, an admin and the reviewers of its outlets only. */
export async function fileUrl(
  { store, user, fileUrl: link }: SignedInCtx,
  { fileId }: Req<'files.url'>,
): Promise<{ url: string }> {
  const [businesses, file] = await Promise.all([
    store.query('businesses', { where: { licenseFile: fileId }, limit: 1 }),
    fileId.startsWith('cloud://') ? Promise.resolve(null) : store.get('files', fileId),
  ]);
  const business = businesses.items[0];
  const owner = business?.ownerOpenid ?? file?.owner;
  if (!owner) throw new AppError('NOT_FOUND', '未找到该文件', 'fileId');
  let allowed = owner === user.openid || user.role === 'admin';
  if (!allowed && user.role === 'worker' && business) {
    const outlets = await store.query('outlets', { where: { businessId: business.id }, limit: 100 });
    allowed = outlets.items.some((o) => canManageStreet(user, o.streetCode));
  }
  if (!allowed) throw new AppError('FORBIDDEN', '只有上传者和审核人员可以查看营业执照');
  if (!link) throw new AppError('NOT_FOUND', '暂时无法生成查看链接', 'fileId');
  return { url: await link(fileId) };
}
