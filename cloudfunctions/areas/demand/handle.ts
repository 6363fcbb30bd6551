import {
  CATEGORY_BY_ID,
  DEMAND_STATUSES,
  type DemandReport,
  type DemandStatus,
  type Req,
  type Res,
} from '../../../types';
import { AppError } from '../../core/errors';
import { canManageStreet, canRunLocal } from '../../core/policy';
import { needsModeration } from '../../core/ratings';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';
import { queueMessage } from '../messages';

const DEMAND_STATUS_NAMES: Record<DemandStatus, string> = {
  received: '已收到',
  planned: '已列入计划',
  resolved: '已解决',
};

/** A street's reports grouped by community and category, for its workers' gaps page (reporters not named). */
export async function groupedDemand(
  { store, user }: SignedInCtx,
  { streetCode: street }: Req<'demand.grouped'>,
): Promise<Res<'demand.grouped'>> {
  if (!canRunLocal(user, street)) throw new AppError('FORBIDDEN', '只能查看本街道的居民反映');
  const [reports, communities] = await Promise.all([
    readAll(store, 'demandReports', { streetCode: street }),
    readAll(store, 'communities', { streetCode: street }),
  ]);
  const groups = new Map<string, DemandReport[]>();
  for (const r of reports) {
    const key = `${r.communityCode}|${r.category}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const names = new Map(communities.map((c) => [c.code, c.name]));
  return [...groups.values()]
    .map((list) => ({
      communityCode: list[0].communityCode,
      communityName: names.get(list[0].communityCode) ?? list[0].communityCode,
      category: list[0].category,
      count: list.length,
      open: list.filter((r) => r.status !== 'resolved').length,
      reports: list.map((r) => ({ ...r, openid: '' })),
    }))
    .sort((a, b) => b.open - a.open || b.count - a.count);
}

/** received → planned → resolved, with a public reply the reporter sees. */
export async function updateDemand(
  { store, user, now }: SignedInCtx,
  { id, status, reply }: Req<'demand.update'>,
): Promise<DemandReport> {
  if (reply && needsModeration(reply)) throw new AppError('INVALID_INPUT', '回复含有不宜公开的内容', 'reply');
  return store.transaction(async (tx) => {
    const r = await tx.get('demandReports', id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该反映', 'id');
    if (!canManageStreet(user, r.streetCode)) throw new AppError('FORBIDDEN', '只能处理本街道的居民反映');
    if (DEMAND_STATUSES.indexOf(status) < DEMAND_STATUSES.indexOf(r.status))
      throw new AppError('CONFLICT', '状态只能向前推进：已收到 → 已列入计划 → 已解决', 'status');
    const at = now().toISOString();
    const next: DemandReport = { ...r, status, reply: reply ?? r.reply, updatedAt: at };
    await tx.set('demandReports', id, next);
    if (next.status !== r.status || next.reply !== r.reply)
      await queueMessage(
        tx,
        {
          id: `demand_${id}_${at}`,
          recipient: r.openid,
          kind: 'demandReply',
          title: `您反映的“${CATEGORY_BY_ID[r.category]?.name ?? '服务'}”有了回复`,
          body: `${DEMAND_STATUS_NAMES[next.status]}${next.reply ? `：${next.reply}` : ''}`,
          link: { page: 'demand', params: {} },
        },
        at,
      );
    return next;
  });
}
