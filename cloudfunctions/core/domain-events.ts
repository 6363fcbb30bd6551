import type { Assessment, Community, DemandReport, Outlet } from '../../types';

/**
 * What one area tells the others after a change it made, instead of calling their internals: an outlet's status,
 * place or service changed (coverage recomputes around it; later, warnings and messages), or a community got a
 * location (coverage counts it).
 */
export type DomainEvent =
  | {
      type: 'outletChanged';
      /** The outlet as it is now, and as it was before the change (null for a new one). */
      outlet: Outlet;
      before: Outlet | null;
      at: string;
    }
  | { type: 'communityLocated'; community: Community; at: string }
  /** An outlet's published ratings changed (a new or changed rating, a moderation). */
  | { type: 'ratingsChanged'; outletId: string; at: string }
  /** A resident reported a missing service (缺什么补什么). */
  | { type: 'demandReported'; report: DemandReport; at: string }
  /** Supported outlets were assessed for a period; the failed assessments. */
  | { type: 'assessed'; periodKey: string; failed: Assessment[]; at: string };

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
