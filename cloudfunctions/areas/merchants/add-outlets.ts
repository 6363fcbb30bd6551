import type { Business, Req, Res } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { checkOutletPlaces, createOutlets } from './outlet-records';

/**
 * 一照多址: adds outlets under a licence the caller already holds. The licence details and its image are the ones on
 * file (nothing is sent again); another account's licence is not even confirmed to exist. The new outlets wait
 * for review like any other.
 */
export async function addOutlets(
  ctx: SignedInCtx,
  input: Req<'merchants.addOutlets'>,
): Promise<Res<'merchants.addOutlets'>> {
  await checkOutletPlaces(ctx, input.outlets);
  const at = ctx.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const held = (await tx.get('businesses', input.businessId)) as (Business & { outletSeq?: number }) | null;
    if (!held || held.ownerOpenid !== ctx.openid)
      throw new AppError('NOT_FOUND', '未找到您登记的这份营业执照', 'businessId');
    const { created, seq } = await createOutlets(tx, ctx, held, input.outlets, at);
    const business = { ...held, updatedAt: at, outletSeq: seq };
    await tx.set('businesses', held.id, business as Business);
    return { business, outlets: created };
  });
}
