import type { Subscriptions } from '../../router/define';
import { refreshAround, refreshCommunityCoverage } from './model';

/**
 * Coverage follows outlets and community locations: an outlet whose status, place or categories changed is
 * recomputed around where it is and where it was; a newly located community is computed.
 */
export const coverageSubscriptions: Subscriptions = {
  outletChanged: [
    async ({ outlet, before }, { store, now }) => {
      // Only approved outlets count: a change that never touched an approved outlet changes no coverage.
      if (outlet.status !== 'approved' && before?.status !== 'approved') return;
      const points: [number, number][] = [outlet.location.coordinates];
      if (before) points.push(before.location.coordinates);
      await refreshAround(store, points, now());
    },
  ],
  communityLocated: [async ({ community }, { store, now }) => refreshCommunityCoverage(store, community, now())],
};
