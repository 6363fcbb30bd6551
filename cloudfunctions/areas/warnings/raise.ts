import type { RiskWarning, WarningRule } from '../../../types';
import { readAll, type Store } from '../../store/port';
import { queueMessage } from '../messages';

/** What a rule found: the subject's id and street, and the evidence in words. */
export interface Finding {
  id: string;
  rule: WarningRule;
  streetCode: string;
  communityCode?: string | null;
  outletId?: string | null;
  category?: string | null;
  title: string;
  evidence: Record<string, string>;
}

/** Who hears of a street's warnings: its workers (street and community) and every admin. */
async function recipients(store: Store, streetCode: string): Promise<string[]> {
  const workers = await readAll(store, 'users', { role: 'worker', 'scope.streetCode': streetCode });
  const admins = await readAll(store, 'users', { role: 'admin' });
  return [...new Set([...workers, ...admins].map((u) => u.openid))];
}

/**
 * Raises a warning once: while one with the same id is open (新 or 处理中) nothing changes; a resolved one opens
 * again as a new round, keeping its earlier rounds. The warning and its messages (风险预警, to the street's workers
 * and the admins) are written in one transaction, so neither exists without the other. Answers whether it was raised.
 */
export async function raiseWarning(store: Store, f: Finding, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const existing = await store.get('warnings', f.id);
  if (existing && existing.status !== 'resolved') return false;
  const people = await recipients(store, f.streetCode);
  return store.transaction(async (tx) => {
    const before = await tx.get('warnings', f.id);
    if (before && before.status !== 'resolved') return false;
    const round = (before?.round ?? 0) + 1;
    const warning: RiskWarning = {
      id: f.id,
      rule: f.rule,
      streetCode: f.streetCode,
      communityCode: f.communityCode ?? null,
      outletId: f.outletId ?? null,
      category: f.category ?? null,
      status: 'new',
      title: f.title,
      evidence: f.evidence,
      createdAt: at,
      updatedAt: at,
      handledBy: null,
      handledByName: null,
      note: null,
      round,
      history: before
        ? [
            ...(before.history ?? []),
            {
              raisedAt: before.createdAt,
              resolvedAt: before.updatedAt,
              handledBy: before.handledBy ?? null,
              handledByName: before.handledByName ?? null,
              note: before.note ?? null,
            },
          ].slice(-10)
        : [],
    };
    await tx.set('warnings', f.id, warning);
    for (const recipient of people)
      await queueMessage(
        tx,
        {
          id: `warn_${f.id}_${round}_${recipient}`,
          recipient,
          kind: 'riskWarning',
          title: '风险预警',
          body: f.title,
          link: { page: 'warning', params: { id: f.id } },
        },
        at,
      );
    return true;
  });
}
