import crypto from 'node:crypto';
import type { PublicSubsidy, Req, Subsidy } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';
import { publicSubsidy } from './access';

/**
 * The admin enters or edits a record of support for a business (by its licence's credit code) and some or all of
 * its outlets. The streets of those outlets decide which workers see it.
 */
export async function saveSubsidy(
  { store, user, now }: SignedInCtx,
  input: Req<'subsidies.save'>,
): Promise<PublicSubsidy> {
  const business = await store.get('businesses', `biz-${input.creditCode}`);
  if (!business) throw new AppError('NOT_FOUND', '未找到该统一社会信用代码的商户', 'creditCode');
  const outlets = await readAll(store, 'outlets', { businessId: business.id });
  if (outlets.length === 0) throw new AppError('CONFLICT', '该商户还没有网点', 'creditCode');
  const chosen = input.outletIds?.length ? outlets.filter((o) => input.outletIds!.includes(o.id)) : outlets;
  if (input.outletIds?.length && chosen.length !== new Set(input.outletIds).size)
    throw new AppError('INVALID_INPUT', '所选网点不属于该商户', 'outletIds');
  const at = now().toISOString();
  const existing = input.id ? await store.get('subsidies', input.id) : null;
  if (input.id && !existing) throw new AppError('NOT_FOUND', '未找到该补助记录', 'id');
  const subsidy: Subsidy = {
    id: existing?.id ?? `sub-${crypto.randomUUID()}`,
    projectName: input.projectName,
    businessId: business.id,
    businessName: business.legalName,
    creditCode: business.creditCode,
    outletIds: chosen.map((o) => o.id),
    streetCodes: [...new Set(chosen.map((o) => o.streetCode))].sort(),
    form: input.form,
    amountYuan: Math.round(input.amountYuan * 100) / 100,
    year: input.year,
    purpose: input.purpose,
    status: input.status,
    createdBy: existing?.createdBy ?? user.openid,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await store.set('subsidies', subsidy.id, subsidy);
  return publicSubsidy(subsidy);
}
