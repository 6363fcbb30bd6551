import type { CategoryId, CategoryTier } from './catalogue';
import type { CircleStatus, DemandStatus, IndexFigure, OutletStatus } from './domain';

/** The walks the convenience index is kept at, every day. */
export const SNAPSHOT_MINUTES = [8, 10, 15] as const;
export type SnapshotMinutes = (typeof SNAPSHOT_MINUTES)[number];

/** One street's (or the district's) index figure at one walk, as kept in a snapshot. */
export interface SnapshotFigure {
  located: number;
  served: number;
  index: number | null;
}

/**
 * The convenience index of one Beijing day (id = `YYYY-MM-DD`): the district and every street at 8 / 10 / 15
 * minutes, taken from the coverage read model. One per day; kept for years (15 streets × 3 walks, a few kB).
 */
export interface IndexSnapshot {
  id: string;
  date: string;
  takenAt: string;
  figures: Record<`m${SnapshotMinutes}`, { district: SnapshotFigure; streets: Record<string, SnapshotFigure> }>;
}

/** Thresholds of the circle evaluation (边建设、边评价); one document, changed by the admin with history kept. */
export interface EvaluationThresholds {
  /** Quality-improvement formats (品质提升类) with an approved outlet within the circle's reach of its centre. */
  qualityFormats: number;
  /** Share of satisfied answers on the linked survey's satisfaction question (0–1). */
  satisfiedShare: number;
  /** Fewest answers for the satisfaction figure to count. */
  minAnswers: number;
  /** Days a demand report may wait for an answer. */
  answerDays: number;
  /** Share of due demand reports answered within `answerDays` (0–1). */
  answeredShare: number;
}

export const DEFAULT_THRESHOLDS: EvaluationThresholds = {
  qualityFormats: 3,
  satisfiedShare: 0.8,
  minAnswers: 5,
  answerDays: 15,
  answeredShare: 0.9,
};

export interface EvaluationConfig {
  id: string;
  version: number;
  thresholds: EvaluationThresholds;
  updatedBy: string | null;
  updatedAt: string;
  note: string | null;
}

/** The admin's link of a circle to the survey that measures its residents' satisfaction. */
export interface CircleSurveyLink {
  id: string;
  circleId: string;
  surveyId: string;
  /** The question asked (a 1–5 rating: 4 and 5 are satisfied; a single choice: `satisfiedOptions`). */
  questionId: string;
  satisfiedOptions: string[];
  linkedBy: string;
  linkedAt: string;
}

export const CRITERIA = ['basic', 'quality', 'satisfaction', 'demand'] as const;
export type CriterionId = (typeof CRITERIA)[number];

export interface Criterion {
  id: CriterionId;
  name: string;
  passed: boolean;
  /** The figure in words, e.g. 「5/6 个社区步行 10 分钟内八类齐全（1 个位置待补充）」. */
  figure: string;
  /** The measured value and the threshold, when the criterion has a share or a count. */
  value: number | null;
  threshold: number | null;
}

/** A circle's evaluation, computed from live data. */
export interface CircleEvaluation {
  circleId: string;
  circleName: string;
  status: CircleStatus;
  passed: boolean;
  criteria: Criterion[];
  thresholdsVersion: number;
  computedAt: string;
  /** How it became 已建成, when it is. */
  builtBy: BuiltRecord | null;
}

/** How a circle became 已建成: its evaluation passed, or the admin decided (who, when, why). */
export interface BuiltRecord {
  id: string;
  circleId: string;
  via: 'evaluation' | 'override';
  by: string;
  at: string;
  reason: string | null;
  /** The criteria that had not passed, for an override. */
  failed: CriterionId[];
}

export const DESIGNATION_KINDS = ['outlet', 'business', 'circle'] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];
export const DESIGNATION_NAMES: Record<DesignationKind, string> = {
  outlet: '示范网点',
  business: '示范企业',
  circle: '示范便民生活圈',
};

/** A 示范 designation (id `<kind>_<targetId>`): what, which year, why, by whom. */
export interface Designation {
  id: string;
  kind: DesignationKind;
  targetId: string;
  targetName: string;
  streetCode: string | null;
  year: number;
  reason: string;
  by: string;
  at: string;
}

/** Public projection of a designation (no one's id); a 示范企业 also lists its approved outlets, for their badge. */
export type PublicDesignation = Omit<Designation, 'by'> & { outletIds?: string[] };

/** A street's 一街一则: the workers' own text, versioned (id = street code). */
export interface Guideline {
  id: string;
  streetCode: string;
  notes: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** One saved version of a street's 一街一则 (id `<streetCode>_<version>`). */
export interface GuidelineVersion {
  id: string;
  streetCode: string;
  version: number;
  notes: string;
  /** The street's 10-minute index when the version was saved. */
  index: number | null;
  at: string;
  by: string;
}

/** A risk warning (stored by the warnings area); the dashboard only counts the open ones per street. */
export interface WarningDoc {
  id: string;
  rule: string;
  streetCode: string;
  communityCode?: string | null;
  outletId?: string | null;
  status: 'new' | 'handling' | 'resolved';
  evidence: unknown;
  createdAt: string;
  updatedAt: string;
  handledBy?: string | null;
  note?: string | null;
}

/** One street's line of the dashboard table. */
export interface DashboardStreet {
  code: string;
  name: string;
  communities: number;
  located: number;
  /** The 10-minute figure, the same as `coverage.report`'s for this street. */
  figure: IndexFigure;
  circles: Record<CircleStatus, number>;
  openWarnings: number;
  openDemand: number;
}

export interface Dashboard {
  scope: { kind: 'district' } | { kind: 'street'; streetCode: string; streetName: string };
  computedAt: string | null;
  /** The index at 10 minutes, now (district or the street). */
  figure: IndexFigure;
  trend: { date: string; minutes: SnapshotMinutes; index: number | null }[];
  streets: DashboardStreet[];
  outlets: {
    byStatus: { status: OutletStatus; count: number }[];
    byTier: { tier: CategoryTier; name: string; count: number }[];
  };
  demand: {
    byCategory: { category: CategoryId; name: string; count: number }[];
    byStatus: { status: DemandStatus; count: number }[];
  };
  /** Approved ratings by stars (1–5). */
  ratings: [number, number, number, number, number];
  events: { year: number; held: number; reached: number };
  surveys: { count: number; answers: number };
}

/** The generated part of a street's 一街一则 and the workers' text. */
export interface GuidelineView {
  streetCode: string;
  streetName: string;
  date: string;
  figure: IndexFigure;
  communities: { code: string; name: string; located: boolean; missing: string[] }[];
  circles: { id: string; name: string; status: CircleStatus; members: number; index: number | null }[];
  /** Basic services missing in the street: category, how many communities lack it, and where to add one. */
  gaps: { category: CategoryId; name: string; communities: number; suggestions: string[] }[];
  topDemand: { category: CategoryId; name: string; count: number }[];
  /** Formats to recommend, basic first, then quality improvement, then the street's character. */
  recommended: { tier: 'basic' | 'quality' | 'character'; title: string; items: string[] }[];
  featured: { name: string; kind: string; year: number; reason: string }[];
  notes: string;
  version: number;
  updatedAt: string | null;
  history: { version: number; at: string; index: number | null }[];
}
