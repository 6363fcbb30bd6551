import crypto from 'node:crypto';
import type { DemandReport, GeoPoint, Req } from '../../../types';
import { AppError } from '../../core/errors';
import { contains, point } from '../../core/geo';
import { publish, type SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';
import { XICHENG } from '../geo';

/** A resident says a service is missing in a community (their home by default), optionally at a point. */
export async function reportDemand(ctx: SignedInCtx, input: Req<'demand.report'>): Promise<DemandReport> {
  const { store, user, now } = ctx;
  const code = input.communityCode ?? user.homeCommunityCode;
  if (!code) throw new AppError('INVALID_INPUT', '请选择社区，或先在“我的”中设置所在社区', 'communityCode');
  const community = await store.get('communities', code);
  if (!community) throw new AppError('NOT_FOUND', '未找到该社区', 'communityCode');
  let location: GeoPoint | null = null;
  if (input.lng !== undefined && input.lat !== undefined) {
    if (!contains(XICHENG, input.lng, input.lat)) throw new AppError('OUTSIDE_DISTRICT', '该位置不在西城区范围内');
    location = point(input.lng, input.lat);
  }
  const at = now().toISOString();
  const report: DemandReport = {
    id: `dm-${crypto.randomUUID()}`,
    openid: user.openid,
    category: input.category,
    communityCode: community.code,
    streetCode: community.streetCode,
    location,
    note: input.note ?? '',
    status: 'received',
    reply: null,
    createdAt: at,
    updatedAt: at,
  };
  await store.set('demandReports', report.id, report);
  await publish(ctx, { type: 'demandReported', report, at });
  return report;
}

/** My reports with their status and the public reply, newest first. */
export async function myDemand({ store, openid }: SignedInCtx): Promise<DemandReport[]> {
  return (await readAll(store, 'demandReports', { openid })).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
