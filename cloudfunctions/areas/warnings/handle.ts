import type { Page, PublicWarning, Req, Res, RiskWarning } from '../../../types';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { listStreet, seesStreet } from '../subsidies';
import { stillHolds } from './rules';

/** A warning as people read it: who handled it (this round and earlier ones) by name, never by openid. */
export function publicWarning(w: RiskWarning): PublicWarning {
  const { handledBy, history, ...rest } = w;
  const nameOf = (by: string | null | undefined, name: string | null | undefined) => name || (by ? '工作人员' : null);
  return {
    ...rest,
    handledByName: nameOf(handledBy, w.handledByName),
    history: (history ?? []).map((h) => ({
      raisedAt: h.raisedAt,
      resolvedAt: h.resolvedAt,
      handledByName: nameOf(h.handledBy, h.handledByName),
      note: h.note,
    })),
  };
}

/** Warnings of one status, newest first: a worker's street, an admin's choice or all. */
export async function listWarnings(
  { store, user }: SignedInCtx,
  { status, streetCode, cursor }: Req<'warnings.list'>,
): Promise<Page<PublicWarning>> {
  const street = listStreet(user, streetCode);
  const page = await store.query('warnings', {
    where: street ? { streetCode: street, status } : { status },
    orderBy: { field: 'updatedAt', direction: 'desc' },
    cursor: cursor ?? null,
    limit: 20,
  });
  return { ...page, items: page.items.map(publicWarning) };
}

async function visible({ store, user }: SignedInCtx, id: string): Promise<RiskWarning> {
  const w = await store.get('warnings', id);
  // Another street's warning is answered as missing: its existence is not this worker's business.
  if (!w || !seesStreet(user, [w.streetCode])) throw new AppError('NOT_FOUND', '未找到该预警', 'id');
  return w;
}

/** One warning, and whether its condition still holds now. */
export async function getWarning(ctx: SignedInCtx, { id }: Req<'warnings.get'>): Promise<Res<'warnings.get'>> {
  const warning = await visible(ctx, id);
  const { holds, check } = await stillHolds(ctx.store, warning, ctx.now());
  return { warning: publicWarning(warning), stillHolds: holds, check };
}

/**
 * A worker of the street (or an admin) takes a warning in hand (处理中) or resolves it (已处理), with a note. A
 * warning whose condition still holds cannot be resolved: for a missing service, a replacement must be approved.
 */
export async function handleWarning(ctx: SignedInCtx, input: Req<'warnings.handle'>): Promise<PublicWarning> {
  const { store, user, now } = ctx;
  const current = await visible(ctx, input.id);
  if (current.status === 'resolved') throw new AppError('CONFLICT', '该预警已处理');
  if (input.status === 'resolved') {
    const { holds, check } = await stillHolds(store, current, now());
    if (holds) throw new AppError('CONFLICT', check, 'status');
  }
  const at = now().toISOString();
  const saved = await store.transaction(async (tx) => {
    const w = await tx.get('warnings', input.id);
    if (!w || w.status === 'resolved') throw new AppError('CONFLICT', '该预警已处理');
    // Raised again since it was read (a new round): the note and the check above were for the earlier one.
    if ((w.round ?? 1) !== (current.round ?? 1)) throw new AppError('CONFLICT', '该预警刚刚再次出现，请刷新后重新处理');
    const next: RiskWarning = {
      ...w,
      status: input.status,
      note: input.note,
      handledBy: user.openid,
      handledByName: user.nickname || '工作人员',
      updatedAt: at,
    };
    await tx.set('warnings', w.id, next);
    return next;
  });
  return publicWarning(saved);
}
