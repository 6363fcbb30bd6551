import type { Circle } from '../../../types';
import { AppError } from '../../core/errors';
import type { Ctx } from '../../router/define';

export interface CircleUpdate {
  id: string;
  name?: string;
  members?: string[];
  year?: Circle['year'];
  status?: Circle['status'];
  minutes?: 8 | 10;
}

/**
 * Admin: rename a circle, move communities into it (out of the circle they were in: a community is in one circle at
 * most), set its year, status and reach. Everything in one transaction.
 */
export async function updateCircle({ store, now }: Ctx, input: CircleUpdate): Promise<{ circles: Circle[] }> {
  const at = now().toISOString();
  const changed = await store.transaction(async (tx) => {
    const circle = await tx.get('circles', input.id);
    if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
    const touched: Circle[] = [];
    let members = circle.members;
    if (input.members) {
      members = [...new Set(input.members)];
      for (const code of members) {
        const c = await tx.get('communities', code);
        if (!c) throw new AppError('NOT_FOUND', `未找到社区 ${code}`, 'members');
        if (c.streetCode !== circle.streetCode)
          throw new AppError('INVALID_INPUT', `${c.name} 不属于本街道`, 'members');
        // Moving a community takes it out of the circle it was in: a community is in one circle at most.
        if (c.circleId && c.circleId !== circle.id) {
          const other = await tx.get('circles', c.circleId);
          if (other) {
            const next = { ...other, members: other.members.filter((m) => m !== code), updatedAt: at };
            await tx.set('circles', other.id, next);
            touched.push(next);
          }
        }
        await tx.update('communities', code, { circleId: circle.id });
      }
      for (const code of circle.members)
        if (!members.includes(code) && (await tx.get('communities', code)))
          await tx.update('communities', code, { circleId: null });
    }
    const next: Circle = {
      ...circle,
      name: input.name ?? circle.name,
      members,
      year: input.year === undefined ? circle.year : input.year,
      status: input.status ?? circle.status,
      minutes: input.minutes ?? circle.minutes,
      source: 'official',
      updatedAt: at,
    };
    await tx.set('circles', next.id, next);
    return [next, ...touched];
  });
  return { circles: changed };
}
