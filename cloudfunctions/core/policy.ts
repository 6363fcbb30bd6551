import type { Community, Role, User } from '../../types';

/**
 * Who may call an action: anyone (signed in or not), any signed-in user, or users holding one of the listed `roles`.
 * Deny by default: an action must say which.
 */
export type Access = 'public' | 'signedIn' | 'roles';

export function allows(access: Access, roles: readonly Role[] | undefined, user: User | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'signedIn') return true;
  return (roles ?? []).includes(user.role);
}

/** An admin manages every community; a worker only those of the street or the community they are scoped to. */
export function canManageCommunity(user: User, community: Pick<Community, 'code' | 'streetCode'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'worker' || !user.scope) return false;
  return user.scope.kind === 'street'
    ? user.scope.streetCode === community.streetCode
    : user.scope.communityCode === community.code;
}

/**
 * Who runs local work (events, a street's demand reports): an admin; a worker of the street; a community worker
 * for their own community (`communityCode`), or anywhere in their street when `communityCode` is undefined.
 */
export function canRunLocal(user: User, streetCode: string, communityCode?: string | null): boolean {
  if (canManageStreet(user, streetCode)) return true;
  if (user.role !== 'worker' || user.scope?.kind !== 'community') return false;
  return communityCode === undefined
    ? user.scope.streetCode === streetCode
    : user.scope.communityCode === communityCode;
}

/** An admin manages every street; a worker scoped to a street manages that street (a community worker does not). */
export function canManageStreet(user: User, streetCode: string): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'worker' && user.scope?.kind === 'street' && user.scope.streetCode === streetCode;
}
