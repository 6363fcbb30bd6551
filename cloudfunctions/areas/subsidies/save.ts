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
  const amountYuan = Math.round(input.amountYuan * 100) / 100;
  const outletIds = chosen.map((o) => o.id);
  // A new record's id comes from what it says: the same record sent twice (a retried request) is one record.
  const fresh = `sub-${crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        business.creditCode,
        input.projectName,
        input.year,
        input.form,
        amountYuan,
        input.purpose,
        input.status,
        [...outletIds].sort(),
      ]),
    )
    .digest('hex')
    .slice(0, 32)}`;
  const subsidy = await store.transaction(async (tx) => {
    let id = input.id ?? fresh;
    let existing = await tx.get('subsidies', id);
    if (input.id && !existing) throw new AppError('NOT_FOUND', '未找到该补助记录', 'id');
    // The record once made with this content was edited since: this is a new record, not a repeat of that one.
    if (!input.id && existing && !sameContent(existing, { ...input, amountYuan, outletIds })) {
      id = `sub-${crypto.randomUUID()}`;
      existing = null;
    }
    const next: Subsidy = {
      id,
      projectName: input.projectName,
      businessId: business.id,
      businessName: business.legalName,
      creditCode: business.creditCode,
      outletIds,
      streetCodes: [...new Set(chosen.map((o) => o.streetCode))].sort(),
      form: input.form,
      amountYuan,
      year: input.year,
      purpose: input.purpose,
      status: input.status,
      createdBy: existing?.createdBy ?? user.openid,
      createdAt: existing?.createdAt ?? at,
      updatedAt: existing && !input.id ? existing.updatedAt : at,
    };
    await tx.set('subsidies', next.id, next);
    return next;
  });
  return publicSubsidy(subsidy);
}

type Content = Pick<Subsidy, 'projectName' | 'year' | 'form' | 'amountYuan' | 'purpose' | 'status' | 'outletIds'>;
const sameContent = (a: Content & { creditCode: string }, b: Content & { creditCode: string }) =>
  a.creditCode === b.creditCode &&
  a.projectName === b.projectName &&
  a.year === b.year &&
  a.form === b.form &&
  a.amountYuan === b.amountYuan &&
  a.purpose === b.purpose &&
  a.status === b.status &&
  [...a.outletIds].sort().join() === [...b.outletIds].sort().join();
