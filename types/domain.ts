import type { BrandType, CategoryId, Goods, PaymentMethod, Service } from './catalogue';

/** A GeoJSON point, coordinates `[lng, lat]` in GCJ-02 (the datum of WeChat's maps). */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** The district outline, a GeoJSON polygon of `[lng, lat]` rings (GCJ-02). */
export interface DistrictOutline {
  type: 'Polygon';
  coordinates: [number, number][][];
}

/** A street (街道) of Xicheng District, keyed by its 9-digit official division code. */
export interface Street {
  code: string;
  name: string;
  /** Number of communities in this street (read model kept by the store). */
  communityCount: number;
  /** Number of those communities that have a location. */
  locatedCount: number;
  /** Marked by the admin as an 8-minute pilot block (八分钟便民生活圈试点): its circles are evaluated at 8 minutes. */
  eightMinutePilot?: boolean;
}

/** A community (社区居委会), keyed by its 12-digit official division code. */
export interface Community {
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  /** `null` when no public source has a point: shown as 位置待补充 until a worker sets one. */
  location: GeoPoint | null;
  /** Where the location came from: the reference data set, or a worker / admin in the product. */
  locationSource: 'reference' | 'worker' | 'import' | null;
  /** Openid of whoever set the location in the product, and when (ISO 8601, UTC). */
  locationSetBy: string | null;
  locationSetAt: string | null;
  /** The circle this community belongs to, if any (a community is in at most one). */
  circleId?: string | null;
  /** Its 8- or 10-minute circle is `circleId`; this is its 15-minute circle (一刻钟便民生活圈), a level of its own. */
  fifteenCircleId?: string | null;
  /** For an imported location: where the importer says the point comes from (the file's `source`), and a note. */
  locationOrigin?: string | null;
  locationNote?: string | null;
  /** Households (户数) and residents (居住人口), when imported; weights the population index. */
  households?: number | null;
  population?: number | null;
  /** Where the figures come from (the file's `source`, e.g. a census year), who imported them and when. */
  populationSource?: string | null;
  populationSetBy?: string | null;
  populationSetAt?: string | null;
}

export const ROLES = ['resident', 'merchant', 'worker', 'admin'] as const;
/** resident is the default; worker is scoped to one street or one community. */
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  merchant: '商户',
  worker: '社区工作者',
  admin: '区商务局管理员',
};

/** What a worker may act on: one street, or one community. */
export type WorkerScope =
  { kind: 'street'; streetCode: string } | { kind: 'community'; communityCode: string; streetCode: string };

export interface User {
  openid: string;
  role: Role;
  /** Only for workers. */
  scope: WorkerScope | null;
  nickname: string;
  /** The community a resident says they live in (for surveys aimed at it). */
  homeCommunityCode?: string | null;
  /** When the home community was last set or cleared: it can change once in 30 days (surveys are aimed by it). */
  homeSetAt?: string | null;
  /** Key of the demo account this user is, or null for a real person. */
  demoAccount: string | null;
  createdAt: string;
}

/** A seeded demo account that dev sign-in can act as. */
export interface DemoAccount {
  account: string;
  label: string;
  role: Role;
  scope: WorkerScope | null;
}

/** A page of a longer list; pass `nextCursor` back as `cursor` for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `["HH:MM", "HH:MM"]`; an end of "24:00" is midnight; an end before the start runs past midnight. */
export type TimeRange = [start: string, end: string];

/** Opening hours, Monday first; an empty day is closed. Always read in Beijing time. */
export interface WeeklyHours {
  week: TimeRange[][];
  /** Free text about public holidays, e.g. 春节休息. */
  holidayNote: string | null;
}

export const OUTLET_STATUSES = ['pending', 'approved', 'rejected', 'changes_requested', 'suspended', 'closed'] as const;
/** Only `approved` outlets reach residents and coverage. */
export type OutletStatus = (typeof OUTLET_STATUSES)[number];
/** Where an outlet came from: generated demo data, the outlet census, or a merchant's registration. */
export type OutletSource = 'demo' | 'census' | 'merchant';

/** A place that offers services: a shop, a service point, a locker or a van's stop. */
export interface Outlet {
  id: string;
  name: string;
  categories: CategoryId[];
  location: GeoPoint;
  address: string;
  streetCode: string;
  communityCode: string | null;
  hours: WeeklyHours;
  goods: Goods[];
  services: Service[];
  payment: PaymentMethod[];
  accessible: boolean;
  brand: BrandType | null;
  phone: string | null;
  status: OutletStatus;
  source: OutletSource;
  /** True for generated demo data; shown as 演示数据 wherever the outlet appears. */
  demo: boolean;
  createdAt: string;
  updatedAt: string;
  /** The merchant's business (licence) and account, for outlets registered by a merchant. */
  businessId?: string | null;
  ownerOpenid?: string | null;
  /** Changes to name, address, location or categories awaiting review; the approved version stays visible. */
  pendingChanges?: OutletChanges | null;
  /** The last reviewer's reason (rejection, changes asked, suspension), shown to the merchant. */
  reviewNote?: string | null;
  /** Number of recorded transitions; numbers the audit trail. */
  reviewSeq?: number;
  /** Closed for a while by the merchant (e.g. holidays): not counted as open or as coverage. */
  temporarilyClosed?: boolean;
  /** In a reviewer's queue: pending, or approved with changes waiting. */
  needsReview?: boolean;
}

/** The fields of an outlet that need review when a merchant changes them. */
export interface OutletChanges {
  name?: string;
  address?: string;
  location?: GeoPoint;
  categories?: CategoryId[];
}

/** One recorded move of an outlet: who, when, from, to, why. */
export interface OutletReview {
  id: string;
  outletId: string;
  from: OutletStatus | null;
  to: OutletStatus;
  /** For reviewed edits of an approved outlet: 'changes-approved' / 'changes-rejected'. */
  kind: 'status' | 'changes-approved' | 'changes-rejected' | 'submitted';
  by: string;
  at: string;
  reason: string | null;
}

/** A merchant's business: one licence (统一社会信用代码), held by one account, with one or more outlets. */
export interface Business {
  id: string;
  creditCode: string;
  legalName: string;
  contactName: string;
  contactPhone: string;
  /** The licence image: a local file id or a CloudBase file id. */
  licenseFile: string;
  ownerOpenid: string;
  createdAt: string;
  updatedAt: string;
}

/** An uploaded file's record (the bytes live in the data folder or in cloud storage). */
export interface StoredFile {
  id: string;
  owner: string;
  mime: 'image/jpeg' | 'image/png';
  size: number;
  createdAt: string;
}

/** An outlet as a resident sees it from a point: distance, walking minutes and today's state (Beijing time). */
/** An outlet as anyone may see it: without its owner's account, business id or the review's internals. */
export type PublicOutlet = Omit<
  Outlet,
  'ownerOpenid' | 'businessId' | 'pendingChanges' | 'reviewNote' | 'reviewSeq' | 'needsReview'
>;

export interface OutletView {
  outlet: PublicOutlet;
  meters: number | null;
  minutes: number | null;
  openNow: boolean;
  todayHours: string;
  /** Bayesian score and number of ratings (null: not rated yet). */
  score: { bayes: number; count: number } | null;
}

/** The outlet page: the view plus every day's hours. */
export interface OutletDetail extends OutletView {
  /** Whether the caller is the outlet's merchant (who replies to reviews instead of rating). */
  mine: boolean;
  week: { day: string; hours: string }[];
  allDay: boolean;
  /** Ratings of 1..5 stars (index 0 = 1 star). */
  histogram: [number, number, number, number, number];
}

/** One reaching outlet in the coverage read model. */
export interface CoverageReach {
  id: string;
  meters: number;
  hours: WeeklyHours;
}

/**
 * The coverage read model of one located community: for each basic category, the approved outlets within the
 * longest walk asked for (15 minutes), nearest first. Recomputed when approved outlets change.
 */
export interface CommunityCoverage {
  communityCode: string;
  streetCode: string;
  categories: Record<string, CoverageReach[]>;
  computedAt: string;
}

/** How many communities are fully served, of those that can be counted. */
export interface IndexFigure {
  /** All communities in the area. */
  total: number;
  /** Communities with a location: the ones that can be counted. */
  located: number;
  /** Communities without a location: not counted, always shown. */
  unlocated: number;
  /** Located communities that reach every basic category. */
  served: number;
  /** served / located, or null when nothing is located. */
  index: number | null;
}

export interface CoverageReport {
  minutes: number;
  openAt: string | null;
  computedAt: string | null;
  district: IndexFigure;
  streets: (IndexFigure & { code: string; name: string })[];
  circles: (IndexFigure & { id: string; name: string })[];
  /** Per basic category: how many located communities reach it. */
  categories: { id: string; name: string; covered: number }[];
  /**
   * Pop-up coverage, never mixed into the figures above: counting also the services offered at events (during
   * the event) for the communities within reach of their place.
   */
  popUp: { events: number; served: number; index: number | null; communitiesReached: number };
  /** Present only when at least one community of the area has a population figure. */
  population?: PopulationReport;
}

/**
 * The population-weighted index: the share of residents (of located communities with a figure) whose community
 * reaches every basic category, always with the number of communities that lack a figure.
 */
export interface PopulationFigure {
  /** Residents of located communities that have a figure: the ones that can be counted. */
  residents: number;
  /** Of those, residents of communities that reach every basic category. */
  served: number;
  /** served / residents, or null when no resident can be counted. */
  index: number | null;
  /** Communities of the area with a figure, and without one. */
  withFigure: number;
  withoutFigure: number;
  /** Residents of communities with a figure but no location yet: not counted, shown. */
  unlocatedResidents: number;
  /** Households of the counted communities that give one. */
  households: number;
}

export interface PopulationReport {
  district: PopulationFigure;
  /** Streets with at least one figure. */
  streets: (PopulationFigure & { code: string; name: string })[];
}

/** A community's basic categories at a walk: nearest minutes for each, missing ones marked. */
export interface CommunityGap {
  communityCode: string;
  communityName: string;
  streetCode: string;
  location: GeoPoint;
  /** Per basic category: minutes to the nearest approved outlet (null: none within 15 minutes). */
  nearest: { category: string; minutes: number | null; outletId: string | null; missing: boolean }[];
  missing: string[];
}

export interface SitingSuggestion {
  point: GeoPoint;
  label: string;
  /** Communities that would newly reach the category. */
  covers: string[];
}

export const CIRCLE_YEARS = [2023, 2024, 2025] as const;
export type CircleYear = (typeof CIRCLE_YEARS)[number];
export const CIRCLE_STATUSES = ['planned', 'building', 'built'] as const;
export type CircleStatus = (typeof CIRCLE_STATUSES)[number];
/** The plan: circles built per year. */
export const CIRCLE_PLAN: Record<CircleYear, number> = { 2023: 25, 2024: 15, 2025: 10 };

/** A ten- (or eight-) minute convenience living circle: communities within reach of a centre. */
export interface Circle {
  id: string;
  name: string;
  streetCode: string;
  members: string[];
  centre: GeoPoint;
  /** 8 and 10 are one level (a community's `circleId`); 15-minute circles are a level of their own. */
  minutes: 8 | 10 | 15;
  year: CircleYear | null;
  status: CircleStatus;
  source: 'proposed' | 'official';
  createdAt: string;
  updatedAt: string;
  /** The id in the district's own plan file (`circle_id`), for an imported circle. */
  officialId?: string | null;
  /** The 15-minute circle a 10- or 8-minute circle was split from. */
  parentId?: string | null;
  /**
   * True when no member had a location when the centre was set, so the centre is the middle of the street's
   * located communities; the circle's page then centres on its located members as they get locations.
   */
  centreEstimated?: boolean;
}

/** A circle with what its page shows. */
export interface CircleDetail {
  circle: Circle;
  members: { code: string; name: string; located: boolean; withinReach: boolean; missing: string[] }[];
  /** Per basic category: the best (lowest) minutes over the members, and whether every located member reaches it. */
  categories: { category: string; name: string; minutes: number | null; coveredMembers: number; missing: boolean }[];
  /** Basic categories every located member reaches, of 8. */
  basicCovered: number;
  figure: IndexFigure;
  /** Members still without a location (位置待补充): in the plan, not in coverage. */
  unlocated?: string[];
  /** Located members beyond the circle's reach of its centre: misplaced, to be moved by the street. */
  misplaced?: string[];
}

/** Themes of 便民商业服务进社区 events. */
export const EVENT_THEMES = ['养老为老', '地区帮扶', '文化健康', '便民服务', '其他'] as const;
export type EventTheme = (typeof EVENT_THEMES)[number];

/**
 * A 便民商业服务进社区 event. It holds counters only — the sign-ups, waitlist included, are their own documents — so it
 * stays a few KB whatever the number of people, and a join onto the waitlist does not write it.
 */
export interface CommunityEvent {
  id: string;
  title: string;
  theme: EventTheme;
  streetCode: string;
  communityCode: string | null;
  circleId: string | null;
  placeName: string;
  location: GeoPoint;
  /** UTC instants; shown and checked in Beijing time. */
  startAt: string;
  endAt: string;
  deadline: string;
  capacity: number;
  description: string;
  coverImage: string | null;
  /** Participating approved outlets. */
  outletIds: string[];
  /** Services offered at the event: part-time coverage for the communities within reach. */
  categories: CategoryId[];
  status: 'open' | 'cancelled';
  confirmedCount: number;
  checkedInCount: number;
  /** Seats ever handed out; numbers the check-in codes. */
  seatSeq: number;
  /** The worker who posted it: kept for the record, never sent in a public view. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Generated demo content (shown as 演示数据). */
  demo?: boolean;
}

/** An event as anyone may see it: without who posted it. */
export type PublicEvent = Omit<CommunityEvent, 'createdBy'>;

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One person's sign-up for an event; id `<eventId>_<openid>`, so nobody signs up twice. */
export interface Signup {
  id: string;
  eventId: string;
  openid: string;
  status: SignupStatus;
  /**
   * The waitlist's order: when the person joined, then the sign-up id (`<ISO instant>|<id>`). A waitlisted person's
   * place is the number of waitlisted sign-ups with a smaller key, plus one.
   */
  queueKey: string;
  /** Shown by the resident at the door once they hold a seat: 7 digits, unique within the event; '' on the waitlist. */
  checkInCode: string;
  checkedInAt: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * A phone number the person chose to give at sign-up (personal data): never in a resident-facing read or a message;
   * the event's workers see it masked and fetch it in full only to call (`events.contact`).
   */
  contactPhone?: string | null;
}

/** A sign-up as it is sent back: without the contact phone. */
export type SignupView = Omit<Signup, 'contactPhone'>;

/** An event as a person sees it: seats, and their own sign-up with waitlist position. */
export interface EventView {
  event: PublicEvent;
  seatsLeft: number;
  /** People on the waitlist (on the event page; null in lists). */
  waitlisted: number | null;
  /** Whether sign-up is still possible (open, before the deadline), by the server's clock. */
  joinable: boolean;
  /** The participating outlets (on the event page). */
  participants?: { id: string; name: string }[];
  mine: (SignupView & { position: number | null }) | null;
}

/** One person's rating of one outlet; id `<outletId>_<openid>`, so a new submission replaces the old one. */
export interface Rating {
  id: string;
  outletId: string;
  /** The outlet's street, for the moderation queue of its workers. */
  streetCode: string;
  openid: string;
  nickname: string;
  stars: 1 | 2 | 3 | 4 | 5;
  dimensions: { quality?: number; price?: number; service?: number; environment?: number };
  text: string;
  /** published: shown to all; pending: waits for a worker (flagged text); hidden: reported, waits; removed. */
  status: 'published' | 'pending' | 'hidden' | 'removed';
  reports: number;
  reply: { text: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** An outlet's ratings in one document, changed in the same transaction as each rating. */
export interface OutletRatings {
  outletId: string;
  streetCode: string;
  count: number;
  sum: number;
  histogram: [number, number, number, number, number];
  /** Bayesian mean (see cloudfunctions/core/ratings.ts for the prior). */
  bayes: number;
  updatedAt: string;
}

/** Who a survey is for. */
export type SurveyTarget =
  | { kind: 'district' }
  | { kind: 'street'; streetCode: string }
  | { kind: 'circle'; circleId: string; streetCode: string }
  | { kind: 'community'; communityCode: string; streetCode: string };

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text', 'missing'] as const;
/** single / multiple choice, a rating of 1–5, free text, or "which services are missing" (options: the catalogue). */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Question {
  id: string;
  kind: QuestionKind;
  title: string;
  /** For single and multiple choice. */
  options: string[];
  required: boolean;
}

/** A survey (问需于民): questions for the residents of an area, open between two instants. */
export interface Survey {
  id: string;
  title: string;
  description: string;
  target: SurveyTarget;
  opensAt: string;
  closesAt: string;
  questions: Question[];
  answerCount: number;
  createdBy: string;
  createdAt: string;
  /** When the residents it is aimed at were invited (once it opened). */
  invitedAt?: string | null;
  /** Generated demo content (shown as 演示数据). */
  demo?: boolean;
}

export type AnswerValue = string | string[] | number;

/** One person's answers; id `<surveyId>_<openid>`, so nobody answers twice. */
export interface SurveyAnswer {
  id: string;
  surveyId: string;
  openid: string;
  communityCode: string | null;
  answers: Record<string, AnswerValue>;
  /** Free-text answers that need a person's look before they are shown in results. */
  flaggedText: boolean;
  createdAt: string;
}

export const DEMAND_STATUSES = ['received', 'planned', 'resolved'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** A resident's "this service is missing here" (缺什么补什么). */
export interface DemandReport {
  id: string;
  openid: string;
  category: CategoryId;
  communityCode: string;
  streetCode: string;
  location: GeoPoint | null;
  note: string;
  status: DemandStatus;
  /** The public reply the reporter sees. */
  reply: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MESSAGE_KINDS = [
  'promoted',
  'reminder',
  'eventChanged',
  'eventCancelled',
  'reviewResult',
  'ratingReply',
  'demandReply',
  'surveyInvite',
  'riskWarning',
] as const;
/** What a message tells a person. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_KIND_NAMES: Record<MessageKind, string> = {
  promoted: '候补转正式',
  reminder: '活动提醒',
  eventChanged: '活动变更',
  eventCancelled: '活动取消',
  reviewResult: '审核结果',
  ratingReply: '评价回复',
  demandReply: '诉求回复',
  surveyInvite: '问卷邀请',
  riskWarning: '风险预警',
};

/** The page a message opens, by route name, with its parameters. */
export interface MessageLink {
  page: 'event' | 'outlet' | 'survey' | 'demand' | 'merchantOutlets' | 'warning';
  params: Record<string, string>;
}

/**
 * A message to one person, written in the same transaction as the change that causes it (an outbox). It always
 * shows in the person's inbox; when they subscribed to its kind in WeChat it also waits for delivery there.
 */
export interface Message {
  id: string;
  recipient: string;
  kind: MessageKind;
  title: string;
  /** Never names another person. */
  body: string;
  link: MessageLink;
  createdAt: string;
  readAt: string | null;
  /** inbox only; pending → sending → sent (WeChat delivery); failed after the last retry. */
  delivery: 'inbox' | 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  /** When the current delivery attempt began (a stale one is retried). */
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
}

/** A message as its recipient sees it. */
export type MessageView = Omit<Message, 'recipient' | 'attempts' | 'claimedAt' | 'lastError'>;

/** One line of an imported file that was refused or warned about (numbered as in the file, header = line 1). */
export interface ImportLine {
  line: number;
  /** The community or circle the line is about, when it could be read. */
  code?: string;
  messages: string[];
}

/** What a bulk import of community locations did (or, for a dry run, would do). */
export interface LocationImportReport {
  read: number;
  /** Communities that had no location and now have one. */
  located: number;
  /** Communities whose location changed. */
  moved: number;
  /** Rows that repeat the stored point: nothing written. */
  unchanged: number;
  rejected: ImportLine[];
  /** Accepted rows worth a second look (far from the street's other communities, a moved point, a misplacement). */
  warnings: ImportLine[];
  /** False for a dry run, or when no row changed anything. */
  written: boolean;
  /** Every street after the import: how many communities still need a location. */
  streets: { code: string; name: string; communityCount: number; locatedCount: number; remaining: number }[];
  coverageRefreshed: boolean;
}

/** What an import of the district's circle plan did; a file with any refused line writes nothing. */
export interface PlanImportReport {
  read: number;
  circles: { eight: number; ten: number; fifteen: number };
  /** Memberships in the file, and those of communities still without a location (位置待补充). */
  members: number;
  unlocatedMembers: number;
  /** Existing circles of the levels in the file, replaced by it. */
  replaced: number;
  /** Communities of the district in no circle of the level after the import (of the levels in the file). */
  outside: { ten: number | null; fifteen: number | null };
  rejected: ImportLine[];
  written: boolean;
}

/** What an import of households and population did. */
export interface PopulationImportReport {
  read: number;
  updated: number;
  unchanged: number;
  rejected: ImportLine[];
  warnings: ImportLine[];
  written: boolean;
  /** Communities of the district with a figure after the import, of all. */
  withFigure: number;
  total: number;
}

/** How the district supports a business (项目补助: a project grant; 以奖代补: a reward after results). */
export const SUBSIDY_FORMS = ['project', 'reward'] as const;
export type SubsidyForm = (typeof SUBSIDY_FORMS)[number];
export const SUBSIDY_FORM_NAMES: Record<SubsidyForm, string> = { project: '项目补助', reward: '以奖代补' };
export const SUBSIDY_STATUSES = ['approved', 'disbursed', 'completed', 'revoked'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];
export const SUBSIDY_STATUS_NAMES: Record<SubsidyStatus, string> = {
  approved: '已批准',
  disbursed: '已拨付',
  completed: '已结项',
  revoked: '已撤销',
};

/**
 * A record of public money given to a business (licence) for some of its outlets. Entered by the admin; seen by the
 * admin and the workers of the outlets' streets, never by residents.
 */
export interface Subsidy {
  id: string;
  projectName: string;
  businessId: string;
  businessName: string;
  creditCode: string;
  outletIds: string[];
  /** The streets of those outlets: whose workers see the record. */
  streetCodes: string[];
  form: SubsidyForm;
  /** 元, with at most two decimals. */
  amountYuan: number;
  year: number;
  purpose: string;
  status: SubsidyStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const INSPECTION_CHECKS = ['food', 'fire', 'safety'] as const;
export type InspectionCheck = (typeof INSPECTION_CHECKS)[number];
export const INSPECTION_CHECK_NAMES: Record<InspectionCheck, string> = {
  food: '食品安全',
  fire: '消防安全',
  safety: '安全生产',
};
export const INSPECTION_RESULTS = ['pass', 'rectify', 'fail'] as const;
/** 合格 / 整改 / 不合格. */
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_NAMES: Record<InspectionResult, string> = {
  pass: '合格',
  rectify: '整改',
  fail: '不合格',
};

/** A worker's inspection of an outlet of their street: the checks made, each with its result. */
export interface Inspection {
  id: string;
  outletId: string;
  outletName: string;
  streetCode: string;
  /** The day of the visit, `YYYY-MM-DD` (Beijing). */
  date: string;
  checks: { check: InspectionCheck; result: InspectionResult }[];
  note: string;
  by: string;
  /** The inspector's name as people see it. */
  byName?: string;
  createdAt: string;
}

export const ASSESSMENT_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
/** How often supported outlets are assessed (quarterly by default). */
export type AssessmentPeriod = (typeof ASSESSMENT_PERIODS)[number];
export const ASSESSMENT_PERIOD_NAMES: Record<AssessmentPeriod, string> = {
  month: '每月',
  quarter: '每季度',
  half: '每半年',
  year: '每年',
};

/** The figures an assessment is computed from, kept with it. */
export interface AssessmentInputs {
  /** Bayesian score and number of ratings at the time of the assessment (null: not rated). */
  bayes: number | null;
  ratingCount: number;
  /** Published ratings of 1–2 stars made during the period (差评). */
  lowRatings: number;
  /** Suspensions and closures recorded during the period, and the status at its end. */
  suspensions: number;
  closures: number;
  status: OutletStatus;
  /** Share of the period (so far) the outlet was approved, 0..1, from its status history. */
  openShare: number;
  /** Demand reports (缺什么补什么) made during the period in its community for services it offers. */
  demandNear: number;
  /** Inspections of the period: how many, and the checks by result. */
  inspections: number;
  checksPassed: number;
  checksRectify: number;
  checksFailed: number;
}

/** One supported outlet's assessment for one period; id `<period key>_<outlet id>`, so a period holds one. */
export interface Assessment {
  id: string;
  periodKey: string;
  period: AssessmentPeriod;
  /** The period's bounds, UTC instants (from Beijing midnights). */
  from: string;
  to: string;
  outletId: string;
  outletName: string;
  streetCode: string;
  businessId: string;
  subsidyIds: string[];
  score: number;
  parts: { ratings: number; operation: number; inspections: number; community: number };
  passed: boolean;
  /** Why it failed, in words (empty when passed). */
  reasons: string[];
  inputs: AssessmentInputs;
  computedAt: string;
}

export const WARNING_RULES = [
  'serviceGap',
  'lowScore',
  'reportSpike',
  'supportedClosed',
  'assessmentFailed',
  'reviewOverdue',
  'demandHigh',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const WARNING_RULE_NAMES: Record<WarningRule, string> = {
  serviceGap: '基本服务缺失',
  lowScore: '评分过低',
  reportSpike: '差评激增',
  supportedClosed: '受补助网点关闭',
  assessmentFailed: '考核不合格',
  reviewOverdue: '审核超时',
  demandHigh: '诉求集中',
};
export const WARNING_STATUSES = ['new', 'handling', 'resolved'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const WARNING_STATUS_NAMES: Record<WarningStatus, string> = {
  new: '新',
  handling: '处理中',
  resolved: '已处理',
};

/**
 * A risk warning (风险预警): one per rule and subject (id `<rule>_<subject>`), so a condition that holds is warned
 * about once; raised again after it was resolved, the same document opens again and keeps its earlier rounds.
 */
export interface RiskWarning {
  id: string;
  rule: WarningRule;
  streetCode: string;
  communityCode?: string | null;
  outletId?: string | null;
  /** For a missing basic service: the category. */
  category?: string | null;
  status: WarningStatus;
  /** One line saying what happened, naming the community, the service or the outlet. */
  title: string;
  /** The figures behind it, in words (label → value). */
  evidence: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  handledBy?: string | null;
  /** The name of who handled it, as people see it. */
  handledByName?: string | null;
  note?: string | null;
  /** How many times it was raised; earlier rounds, newest last. */
  round: number;
  history?: {
    raisedAt: string;
    resolvedAt: string;
    handledBy: string | null;
    handledByName?: string | null;
    note: string | null;
  }[];
}

/** A warning as workers and admins read it: who handled it by name, never by openid. */
export type PublicWarning = Omit<RiskWarning, 'handledBy' | 'history'> & {
  history?: { raisedAt: string; resolvedAt: string; handledByName: string | null; note: string | null }[];
};
/** A record of support as people read it (who entered it stays on the server). */
export type PublicSubsidy = Omit<Subsidy, 'createdBy'>;
/** An inspection as people read it: the inspector by name. */
export type PublicInspection = Omit<Inspection, 'by'>;
