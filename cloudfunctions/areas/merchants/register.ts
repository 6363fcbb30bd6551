import type { Business, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { checkOutletPlaces, createOutlets } from './outlet-records';

/**
 * A licence image must be one the caller uploaded here, or a file in the caller's own folder of the mini-program's
 * cloud storage (`cloud://<env>/licences/<openid>/…`, where the app uploads it): never someone else's file.
 */
async function checkLicense(ctx: SignedInCtx, fileId: string): Promise<void> {
  if (fileId.startsWith('cloud://')) {
    const path = fileId.replace(/^cloud:\/\/[^/]+\//, '');
    if (!path.startsWith(`licences/${ctx.openid}/`) || path.includes('..'))
      throw new AppError('INVALID_INPUT', '营业执照照片应由您本人上传，请重新上传', 'licenseFile');
    return;
  }
  const f = await ctx.store.get('files', fileId);
  if (!f || f.owner !== ctx.openid) throw new AppError('INVALID_INPUT', '请先上传营业执照照片', 'licenseFile');
}

/**
 * Registers a licence with one or more outlets, or adds outlets to a licence the caller already holds (一照多址).
 * A licence held by another account is a CONFLICT. Everything new waits for review.
 */
export async function registerMerchant(
  ctx: SignedInCtx,
  input: Req<'merchants.register'>,
): Promise<Res<'merchants.register'>> {
  const { store, openid, user, now } = ctx;
  await checkLicense(ctx, input.licenseFile);
  await checkOutletPlaces(ctx, input.outlets);
  const at = now().toISOString();
  const bizId = `biz-${input.creditCode}`;
  const result = await store.transaction(async (tx) => {
    const existing = await tx.get('businesses', bizId);
    if (existing && existing.ownerOpenid !== openid)
      throw new AppError('CONFLICT', '该营业执照已由其他账号登记，如有疑问请联系街道', 'creditCode');
    const business: Business & { outletSeq?: number } = existing
      ? { ...existing, updatedAt: at }
      : {
          id: bizId,
          creditCode: input.creditCode,
          legalName: input.legalName,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          licenseFile: input.licenseFile,
          ownerOpenid: openid,
          createdAt: at,
          updatedAt: at,
        };
    const { created, seq } = await createOutlets(tx, ctx, business, input.outlets, at);
    await tx.set('businesses', bizId, { ...business, outletSeq: seq } as Business);
    if (user.role === 'resident') await tx.update('users', openid, { role: 'merchant' });
    return { business, outlets: created };
  });
  return { business: result.business, outlets: result.outlets };
}
