import type { Guideline, GuidelineVersion, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';
import { indexFigure, loadCoverage } from '../coverage';

/**
 * A worker of the street (or the admin) saves the workers' text of its 一街一则 as the next version, with the
 * street's index that day. `version` is the one they edited: a save over someone else's newer one is refused.
 */
export async function saveGuideline(
  { store, now, user }: SignedInCtx,
  { streetCode, notes, version }: Req<'guidelines.save'>,
): Promise<Guideline> {
  if (!canManageStreet(user, streetCode)) throw new AppError('FORBIDDEN', '只能编辑本街道的一街一则', 'streetCode');
  if (!(await store.get('streets', streetCode))) throw new AppError('NOT_FOUND', '未找到该街道', 'streetCode');
  const [communities, coverage] = await Promise.all([
    readAll(store, 'communities', { streetCode }),
    loadCoverage(store, streetCode),
  ]);
  const index = indexFigure(communities, coverage, 10).index;
  const at = now().toISOString();
  return store.transaction(async (tx) => {
    const prev = await tx.get('guidelines', streetCode);
    const current = prev?.version ?? 0;
    if (version !== current)
      throw new AppError('CONFLICT', '这份一街一则已被他人更新，请刷新后在最新版本上修改', 'version');
    const next: Guideline = {
      id: streetCode,
      streetCode,
      notes,
      version: current + 1,
      updatedAt: at,
      updatedBy: user.openid,
    };
    const kept: GuidelineVersion = {
      id: `${streetCode}_${next.version}`,
      streetCode,
      version: next.version,
      notes,
      index,
      at,
      by: user.openid,
    };
    await tx.set('guidelines', streetCode, next);
    await tx.set('guidelineVersions', kept.id, kept);
    return next;
  });
}
