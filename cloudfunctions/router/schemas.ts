import { z } from 'zod';
import { CATEGORIES, type CategoryId } from '../../types';

/**
 * Shared input pieces, each with a message a person understands. Every area builds its schemas from these, so a
 * street code, an instant or a coordinate is checked the same way everywhere.
 */
export const streetCode = z.string().regex(/^110102\d{3}$/, { error: '应为 9 位西城区街道代码，如 110102001' });
export const communityCode = z.string().regex(/^110102\d{6}$/, { error: '应为 12 位西城区社区代码，如 110102001004' });
/** An opaque paging cursor (validated by the store that made it). */
export const cursor = z.string().max(512, { error: '分页位置无效' });
export const lng = z.number({ error: '经度应为数字' }).finite().min(-180).max(180);
export const lat = z.number({ error: '纬度应为数字' }).finite().min(-90).max(90);
/** A document id sent back by the app. */
export const id = z.string().min(1, { error: '缺少编号' }).max(64, { error: '编号过长' });
/** An instant with its offset, e.g. `2026-12-05T09:00:00+08:00` (Beijing time). */
export const instant = z.iso.datetime({ offset: true, error: '时间格式有误，应带时区，如 2026-12-05T09:00:00+08:00' });
export const empty = z.object({});

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
export const category = z.enum(CATEGORY_IDS, { error: '不是已知的服务类别' });
/** The walks the coverage read model answers. */
export const minutesChoice = z.union([z.literal(8), z.literal(10), z.literal(15)], { error: '应为 8、10 或 15 分钟' });
/** Circle reaches. */
export const reachChoice = z.union([z.literal(8), z.literal(10)], { error: '应为 8 或 10 分钟' });
/** A phone number as people write it. */
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { error: '电话格式有误' });
