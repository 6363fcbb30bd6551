import { z } from 'zod';

/** Shared input pieces, each with a message a person understands. */
export const streetCode = z.string().regex(/^110102\d{3}$/, { error: '应为 9 位西城区街道代码，如 110102001' });
export const communityCode = z.string().regex(/^110102\d{6}$/, { error: '应为 12 位西城区社区代码，如 110102001004' });
export const cursor = z.string().max(512);
export const lng = z.number({ error: '经度应为数字' }).finite().min(-180).max(180);
export const lat = z.number({ error: '纬度应为数字' }).finite().min(-90).max(90);
export const empty = z.object({});
