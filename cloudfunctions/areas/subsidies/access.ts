import type { Inspection, Outlet, PublicInspection, PublicSubsidy, Subsidy, User } from '../../../types';
import type { SupervisedOutlet } from '../../../types/actions';
import { AppError } from '../../core/errors';

/** The street a worker belongs to (street or community worker); null for an admin, who sees every street. */
export function streetOfUser(user: User): string | null {
  if (user.role === 'admin') return null;
  if (user.role === 'worker' && user.scope) return user.scope.streetCode;
  throw new AppError('FORBIDDEN');
}

/** Which street a list shows: a worker's own (asking for another is refused); an admin's choice or all. */
export function listStreet(user: User, asked: string | undefined): string | null {
  const own = streetOfUser(user);
  if (own === null) return asked ?? null;
  if (asked && asked !== own) throw new AppError('FORBIDDEN', '只能查看本街道的记录');
  return own;
}

/** Whether the user may see or act on something of these streets: an admin, or a worker of one of them. */
export function seesStreet(user: User, streetCodes: readonly string[]): boolean {
  const own = streetOfUser(user);
  return own === null || streetCodes.includes(own);
}

export const supervised = (o: Outlet): SupervisedOutlet => ({
  id: o.id,
  name: o.name,
  address: o.address,
  streetCode: o.streetCode,
  status: o.status,
});

/** A record of support as people read it: who entered it stays on the server. */
export function publicSubsidy(s: Subsidy): PublicSubsidy {
  const { createdBy: _createdBy, ...rest } = s;
  return rest;
}

/** An inspection as people read it: the inspector by name, never by openid. */
export function publicInspection(i: Inspection): PublicInspection {
  const { by: _by, ...rest } = i;
  return { ...rest, byName: i.byName || '工作人员' };
}
