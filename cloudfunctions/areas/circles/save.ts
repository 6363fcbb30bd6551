import type { BuiltRecord, Circle } from '../../../types';
import { LEVEL_FIELD, levelOf } from '../../core/circles';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import type { SignedInCtx } from '../../router/define';
import { builtRecordFor } from '../supervision';

export interface CircleUpdate {
  id: string;
  name?: string;
  members?: string[];
  /** Communities to add to the members the circle has when the change is made (no lost placement when two people
   * place communities at once); not with `members`. */
  addMembers?: string[];
  year?: Circle['year'];
  status?: Circle['status'];
  minutes?: 8 | 10;
  override?: string;
}

/**
 * Change one circle, in one transaction. The admin may rename it, set its year, status and reach, and move
 * communities; a worker of the circle's street may move communities only — typically placing the street's
 * communities that still have no location (位置待补充) into the circle they belong to. Members must be of the
 * circle's street; a community is in one circle of a level at most (8/10 minutes, or 15 minutes), so moving it
 * takes it out of the circle it was in.
 */
export async function updateCircle(
  { store, now, user }: SignedInCtx,
  input: CircleUpdate,
): Promise<{ circles: Circle[] }> {
  const at = now().toISOString();
  const adminOnly = ['name', 'year', 'status', 'minutes'] as const;
  // 已建成 only when the circle's evaluation passes, or by the admin's recorded override (边建设、边评价).
  let built: BuiltRecord | null = null;
  if (input.status === 'built' && user.role === 'admin') {
    const before = await store.get('circles', input.id);
    if (before && before.status !== 'built') built = await builtRecordFor(store, before, user, input.override, now());
  }
  const changed = await store.transaction(async (tx) => {
    const circle = await tx.get('circles', input.id);
    if (!circle) throw new AppError('NOT_FOUND', '未找到该生活圈', 'id');
    if (user.role !== 'admin') {
      if (!canManageStreet(user, circle.streetCode)) throw new AppError('FORBIDDEN', '只能调整本街道生活圈的社区');
      const field = adminOnly.find((f) => input[f] !== undefined);
      if (field) throw new AppError('FORBIDDEN', '街道工作人员只能调整生活圈包含的社区', field);
    }
    if (input.minutes !== undefined && circle.minutes === 15)
      throw new AppError('INVALID_INPUT', '15 分钟生活圈的步行时间不可改为 8 或 10 分钟', 'minutes');
    const field = LEVEL_FIELD[levelOf(circle.minutes)];
    const touched: Circle[] = [];
    let members = circle.members;
    const wanted = input.addMembers ? [...circle.members, ...input.addMembers] : input.members;
    if (wanted) {
      members = [...new Set(wanted)];
      for (const code of members) {
        const c = await tx.get('communities', code);
        if (!c) throw new AppError('NOT_FOUND', `未找到社区 ${code}`, 'members');
        if (c.streetCode !== circle.streetCode)
          throw new AppError('INVALID_INPUT', `${c.name} 不属于本街道`, 'members');
        // Moving a community takes it out of the circle of the same level it was in.
        const from = c[field];
        if (from && from !== circle.id) {
          const other = await tx.get('circles', from);
          if (other) {
            const next = { ...other, members: other.members.filter((m) => m !== code), updatedAt: at };
            await tx.set('circles', other.id, next);
            touched.push(next);
          }
        }
        await tx.update('communities', code, { [field]: circle.id });
      }
      for (const code of circle.members)
        if (!members.includes(code) && (await tx.get('communities', code)))
          await tx.update('communities', code, { [field]: null });
    }
    const next: Circle = {
      ...circle,
      name: input.name ?? circle.name,
      members,
      year: input.year === undefined ? circle.year : input.year,
      status: input.status ?? circle.status,
      minutes: input.minutes ?? circle.minutes,
      // The admin's edit adopts the circle into the district's plan; a street's placement of members does not.
      source: user.role === 'admin' ? 'official' : circle.source,
      updatedAt: at,
    };
    if (built && circle.status !== 'built') await tx.set('builtRecords', built.id, built);
    await tx.set('circles', next.id, next);
    return [next, ...touched];
  });
  return { circles: changed };
}
