import type { Circle, Req, Res } from '../../../types';
import { levelOf } from '../../core/circles';
import { AppError } from '../../core/errors';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';

/**
 * Admin: an 8-minute pilot (八分钟便民生活圈试点, "在优势街区") is evaluated at 8 minutes — its badges, its index and
 * the within-reach check of its members. A circle is marked on its own, or every circle of a street at once (the
 * street keeps the mark, so it shows as a pilot block). Unmarking returns the circles to 10 minutes. 15-minute
 * circles are a level of their own and are never pilots.
 */
export async function setPilot(
  { store, now }: SignedInCtx,
  { id, streetCode, pilot }: Req<'circles.setPilot'>,
): Promise<Res<'circles.setPilot'>> {
  const at = now().toISOString();
  const minutes = pilot ? 8 : 10;
  const mark = (c: Circle): Circle => ({ ...c, minutes, updatedAt: at });
  if (id) {
    return store.transaction(async (tx) => {
      const circle = await tx.get('circles', id);
      if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
      if (levelOf(circle.minutes) === 'fifteen')
        throw new AppError('INVALID_INPUT', '15 分钟生活圈不能设为八分钟试点', 'id');
      const next = mark(circle);
      await tx.set('circles', id, next);
      return { circles: [next], street: null };
    });
  }
  const circles = (await readAll(store, 'circles', { streetCode: streetCode! })).filter(
    (c) => levelOf(c.minutes) === 'ten',
  );
  return store.transaction(async (tx) => {
    const street = await tx.get('streets', streetCode!);
    if (!street) throw new AppError('NOT_FOUND', '未找到该街道', 'streetCode');
    const nextStreet = { ...street, eightMinutePilot: pilot };
    await tx.set('streets', street.code, nextStreet);
    const marked = circles.map(mark);
    for (const c of marked) await tx.set('circles', c.id, c);
    return { circles: marked, street: nextStreet };
  });
}
