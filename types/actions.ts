import type { CategoryId, PaymentMethod, Service } from './catalogue';
import type {
  Message,
  MessageKind,
  MessageView,
  AnswerValue,
  DemandReport,
  DemandStatus,
  QuestionKind,
  Survey,
  SurveyAnswer,
  Business,
  OutletRatings,
  Rating,
  OutletReview,
  Circle,
  PublicEvent,
  EventTheme,
  EventView,
  SignupView,
  CircleDetail,
  CircleStatus,
  CircleYear,
  Community,
  CommunityGap,
  CoverageReport,
  DemoAccount,
  DistrictOutline,
  GeoPoint,
  IndexFigure,
  LocationImportReport,
  PlanImportReport,
  PopulationImportReport,
  Outlet,
  OutletDetail,
  OutletStatus,
  OutletView,
  Page,
  SitingSuggestion,
  Street,
  User,
  Assessment,
  AssessmentPeriod,
  InspectionCheck,
  InspectionResult,
  PublicInspection,
  PublicSubsidy,
  PublicWarning,
  SubsidyForm,
  SubsidyStatus,
  WarningStatus,
  WeeklyHours,
} from './domain';
import type {
  CircleEvaluation,
  Dashboard,
  DesignationKind,
  EvaluationConfig,
  EvaluationThresholds,
  Guideline,
  GuidelineView,
  PublicDesignation,
} from './supervision';

/** An outlet as the supervision pages name it (never shown to residents). */
export interface SupervisedOutlet {
  id: string;
  name: string;
  address: string;
  streetCode: string;
  status: OutletStatus;
}

/**
 * An export for people: CSV for programs (UTF-8 with BOM) and the same rows as an .xlsx workbook (base64) that
 * WPS and Excel open directly.
 */
export interface ExportFiles {
  filename: string;
  csv: string;
  xlsx: { filename: string; base64: string };
}

/** A request that carries nothing. */
export type Empty = Record<string, never>;

/**
 * The one contract between the app and the functions: `'<fn>.<action>'` → request and response.
 * The app's caller and every router handler are typed from this map.
 */
export interface ActionMap {
  'auth.me': { req: Empty; res: { user: User | null; devLogin: boolean } };
  /** A person says which community they live in (null to clear). */
  'auth.setHome': { req: { communityCode: string | null }; res: User };
  'auth.demoAccounts': { req: Empty; res: DemoAccount[] };
  /** Exactly one of: a demo account key, or a new openid (signs in as a fresh resident). */
  'auth.devLogin': { req: { account?: string; openid?: string }; res: { token: string; user: User } };
  /** Ends the caller's local session (its token stops working); in the cloud there is no session to end. */
  'auth.signOut': { req: Empty; res: { signedOut: boolean } };

  'geo.streets': { req: Empty; res: Street[] };
  /** Xicheng's outline, for drawing the map. */
  'geo.outline': { req: Empty; res: DistrictOutline };
  /** The street offices' points (GCJ-02), to label streets on a drawn map. */
  'geo.streetOffices': { req: Empty; res: { code: string; name: string; lng: number; lat: number }[] };
  'geo.communities': { req: { streetCode?: string; cursor?: string }; res: Page<Community> };
  /** `canSetLocation` tells the caller whether they may set this community's location. */
  'geo.community': { req: { code: string }; res: { community: Community; canSetLocation: boolean } };
  'geo.setCommunityLocation': { req: { communityCode: string; lng: number; lat: number }; res: Community };
  /** Admin: community locations in bulk from CSV text (`community_code,lng,lat[,source,note]`, GCJ-02). */
  'geo.importLocations': { req: { csv: string; dryRun?: boolean }; res: LocationImportReport };
  /** Admin: households and population per community from CSV text (`community_code,households,population[,source]`). */
  'geo.importPopulation': { req: { csv: string; dryRun?: boolean }; res: PopulationImportReport };

  /** Approved outlets within `minutes` (default 10) of walking from a point, nearest first, pages of 50. */
  'outlets.nearby': {
    req: {
      lng: number;
      lat: number;
      minutes?: number;
      categories?: CategoryId[];
      /** Only outlets open at this instant: an ISO 8601 time or 'now'. */
      openAt?: string;
      services?: Service[];
      payment?: PaymentMethod[];
      accessible?: boolean;
      cursor?: string;
      /** 'score': the best rated of the nearest 200 first (one page); default: nearest first. */
      sort?: 'distance' | 'score';
    };
    res: Page<OutletView>;
  };
  'outlets.get': { req: { id: string }; res: OutletDetail };
  'outlets.search': { req: { q: string; streetCode?: string; cursor?: string }; res: Page<OutletView> };
  /** A worker of the outlet's street or an admin changes its status; coverage follows at once. */
  'outlets.setStatus': { req: { id: string; status: OutletStatus; reason?: string }; res: Outlet };

  /** The convenience index at a walk of 8, 10 (default) or 15 minutes, optionally open at an instant. */
  'coverage.report': { req: { minutes?: 8 | 10 | 15; openAt?: string; streetCode?: string }; res: CoverageReport };
  'coverage.gaps': { req: { streetCode?: string; minutes?: 8 | 10 | 15 }; res: CommunityGap[] };
  'coverage.siting': {
    req: { category: CategoryId; k: number; minutes?: 8 | 10 | 15; streetCode?: string };
    res: { category: CategoryId; uncovered: number; picks: SitingSuggestion[] };
  };

  'circles.list': {
    req: { streetCode?: string };
    res: { circle: Circle; basicCovered: number; figure: IndexFigure; misplaced?: number }[];
  };
  'circles.get': { req: { id: string }; res: CircleDetail };
  /**
   * A proposed split of every street's located communities into circles (minutes default 10); unlocated ones are
   * listed apart. `from: 'fifteen'` splits each imported 15-minute circle instead (`parentId` names it).
   */
  'circles.propose': {
    /** `merge: true` merges small circles of a street that fit within reach of one centre (see the README). */
    req: { minutes?: 8 | 10; streetCode?: string; from?: 'fifteen'; merge?: boolean };
    res: {
      minutes: 8 | 10;
      circles: {
        name: string;
        streetCode: string;
        centre: GeoPoint;
        members: string[];
        parentId?: string;
        /** 8 for the circles of a street marked as an 8-minute pilot block, whatever was asked. */
        minutes?: 8 | 10;
        /** When merging existing circles: the ids of the circles this one is made of. */
        mergedFrom?: string[];
        /** Walking minutes from the centre to the farthest located member; null when none is located. */
        farthestMinutes?: number | null;
      }[];
      unassigned: string[];
      from?: 'fifteen';
      merge?: true;
      /** Circles before (existing 8/10-minute ones, or the 15-minute ones split) and after. */
      counts?: { before: number; after: number };
      /**
       * Communities (of the street, or the district) in a circle of the level planned from (8/10 minutes, or 15
       * when splitting) before, and in a proposed circle after; `total` is every community in scope.
       */
      placed?: { before: number; after: number; total: number };
      /** The unassigned communities as people see them: name, street, and whether they have a location. */
      unassignedDetail?: { code: string; name: string; streetCode: string; located: boolean }[];
    };
  };
  /** Admin: the district's own plan from CSV text (`circle_id,name,street_code,minutes,community_codes[,year,status]`). */
  'circles.importPlan': { req: { csv: string; dryRun?: boolean }; res: PlanImportReport };
  /** Admin: mark (or unmark) one circle, or every circle of a street, as an 8-minute pilot. */
  'circles.setPilot': {
    req: { id?: string; streetCode?: string; pilot: boolean };
    res: { circles: Circle[]; street: Street | null };
  };
  /** Admin: accept a proposal (replacing every circle), or change one circle. */
  'circles.save': {
    req:
      | { op: 'accept'; minutes: 8 | 10; replace?: boolean; from?: 'fifteen'; merge?: boolean }
      | {
          op: 'update';
          id: string;
          name?: string;
          members?: string[];
          /** Added to the circle's members as they are when the change is made (placing communities). */
          addMembers?: string[];
          year?: CircleYear | null;
          status?: CircleStatus;
          minutes?: 8 | 10;
          /** Admin: marks the circle 已建成 although its evaluation has not passed, and why (recorded). */
          override?: string;
        };
    res: { circles: Circle[] };
  };
  'events.create': {
    req: {
      title: string;
      theme: EventTheme;
      streetCode: string;
      communityCode?: string;
      placeName: string;
      lng: number;
      lat: number;
      startAt: string;
      endAt: string;
      deadline: string;
      capacity: number;
      description?: string;
      outletIds?: string[];
      categories?: CategoryId[];
      coverImage?: string | null;
    };
    res: EventView;
  };
  'events.update': {
    req: { id: string; title?: string; description?: string; deadline?: string; capacity?: number };
    res: EventView;
  };
  'events.cancel': { req: { id: string }; res: EventView };
  'events.list': {
    req: { streetCode?: string; communityCode?: string; near?: { lng: number; lat: number; minutes?: number } };
    res: EventView[];
  };
  'events.get': { req: { id: string }; res: EventView };
  /** `phone`: optional, given by the person with consent, so the event's workers can call them. */
  'events.join': { req: { id: string; phone?: string }; res: EventView };
  'events.leave': { req: { id: string }; res: EventView };
  'events.mine': { req: Empty; res: EventView[] };
  'events.attendees': {
    req: { id: string; cursor?: string };
    res: {
      event: PublicEvent;
      counts: { confirmed: number; waitlisted: number; checkedIn: number; noShows: number | null };
      /** `phoneMasked`: e.g. 138****1234 when the person gave a phone, else null. */
      items: (SignupView & {
        nickname: string;
        position: number | null;
        noShow: boolean;
        phoneMasked: string | null;
      })[];
      nextCursor: string | null;
    };
  };
  'events.checkIn': { req: { id: string; code: string }; res: { signup: SignupView; alreadyCheckedIn: boolean } };
  /** The full phone a person gave at sign-up, for the event's workers to call; asked one at a time. */
  'events.contact': { req: { id: string; signupId: string }; res: { phone: string } };
  'events.export': { req: { id: string }; res: ExportFiles };

  /** Exactly one licence (统一社会信用代码) per business; more outlets under a licence the caller holds. */
  'merchants.register': {
    req: {
      creditCode: string;
      legalName: string;
      contactName: string;
      contactPhone: string;
      licenseFile: string;
      outlets: {
        name: string;
        address: string;
        lng: number;
        lat: number;
        streetCode: string;
        communityCode?: string;
        categories: CategoryId[];
        /** Hours as the stored week (the census text syntax is still read, for older app versions). */
        hours: WeeklyHours | string;
        services?: Service[];
        payment?: PaymentMethod[];
        accessible?: boolean;
        phone?: string;
      }[];
    };
    res: { business: Business; outlets: Outlet[] };
  };
  /** 一照多址: more outlets under a licence the caller already holds; no licence details or image again. */
  'merchants.addOutlets': {
    req: { businessId: string; outlets: Req<'merchants.register'>['outlets'] };
    res: { business: Business; outlets: Outlet[] };
  };
  'merchants.mine': {
    req: Empty;
    res: {
      businesses: Business[];
      /** `hoursText`: the hours in the syntax a merchant types, for editing. */
      outlets: { outlet: Outlet; statusName: string; hoursText: string; history: OutletReview[] }[];
    };
  };
  'merchants.updateOutlet': {
    req: {
      id: string;
      hours?: WeeklyHours | string;
      services?: Service[];
      payment?: PaymentMethod[];
      accessible?: boolean;
      phone?: string | null;
      name?: string;
      address?: string;
      lng?: number;
      lat?: number;
      categories?: CategoryId[];
    };
    res: Outlet;
  };
  'merchants.setClosed': { req: { id: string; closed: boolean }; res: Outlet };
  'reviews.queue': {
    req: { streetCode?: string; cursor?: string };
    res: Page<{ outlet: Outlet; statusName: string }>;
  };
  'reviews.get': {
    req: { outletId: string };
    res: {
      outlet: Outlet;
      statusName: string;
      business: Business | null;
      licenseUrl: string | null;
      /** `byRole`: who made the move in role words (商户, 街道工作人员, 区商务局). */
      history: (OutletReview & { byRole: string })[];
    };
  };
  'reviews.decide': {
    req: {
      outletId: string;
      decision: 'approve' | 'reject' | 'requestChanges' | 'suspend' | 'reinstate' | 'close';
      reason?: string;
    };
    res: { outlet: Outlet; statusName: string };
  };
  'files.url': { req: { fileId: string }; res: { url: string } };

  'ratings.submit': {
    req: {
      outletId: string;
      stars: number;
      dimensions?: { quality?: number; price?: number; service?: number; environment?: number };
      text?: string;
    };
    res: { rating: Rating; aggregate: OutletRatings; moderated: boolean };
  };
  'ratings.list': {
    req: { outletId: string; cursor?: string };
    res: { aggregate: OutletRatings | null; items: Rating[]; nextCursor: string | null };
  };
  'ratings.mine': { req: { outletId?: string }; res: Rating[] };
  'ratings.report': {
    req: { ratingId: string; reason?: string };
    res: { reports: number; hidden: boolean; alreadyReported: boolean };
  };
  /** Each waiting review with the name of the outlet it is about. */
  'ratings.queue': { req: { streetCode?: string }; res: (Rating & { outletName: string })[] };
  'ratings.moderate': { req: { ratingId: string; decision: 'publish' | 'remove' }; res: Rating };
  'ratings.reply': { req: { ratingId: string; text: string }; res: Rating };

  'surveys.create': {
    req: {
      title: string;
      description?: string;
      target:
        | { kind: 'district' }
        | { kind: 'street'; streetCode: string }
        | { kind: 'circle'; circleId: string }
        | { kind: 'community'; communityCode: string };
      opensAt: string;
      closesAt: string;
      questions: { kind: QuestionKind; title: string; options?: string[]; required?: boolean }[];
    };
    res: Survey;
  };
  'surveys.list': { req: Empty; res: { survey: Survey; open: boolean; answered: boolean; forMe: boolean }[] };
  'surveys.get': {
    req: { id: string };
    /**
     * Anyone with the link sees whom the survey is for (`audience`, e.g. 西城区全区 or a street or community by
     * name); `forMe` says whether the caller may answer it (people outside it get no questions).
     */
    res: {
      survey: Survey;
      open: boolean;
      mine: SurveyAnswer | null;
      missingOptions: string[];
      audience: string;
      forMe: boolean;
    };
  };
  'surveys.answer': { req: { id: string; answers: Record<string, AnswerValue> }; res: SurveyAnswer };
  'surveys.results': {
    req: { id: string };
    res: {
      survey: Survey;
      total: number;
      questions: {
        questionId: string;
        title: string;
        kind: QuestionKind;
        answered: number;
        options: { option: string; count: number; percent: number }[];
        average: number | null;
        texts: string[];
      }[];
      byCommunity: { communityCode: string | null; name: string; count: number }[];
    };
  };
  'surveys.export': { req: { id: string }; res: ExportFiles };
  'demand.report': {
    req: { category: CategoryId; communityCode?: string; lng?: number; lat?: number; note?: string };
    res: DemandReport;
  };
  'demand.mine': { req: Empty; res: DemandReport[] };
  'demand.grouped': {
    req: { streetCode: string };
    res: {
      communityCode: string;
      communityName: string;
      category: CategoryId;
      count: number;
      open: number;
      reports: DemandReport[];
    }[];
  };
  'demand.update': { req: { id: string; status: DemandStatus; reply?: string }; res: DemandReport };

  /** My messages, newest first. */
  'messages.list': { req: { cursor?: string }; res: Page<MessageView> };
  'messages.unread': { req: Empty; res: { count: number } };
  /** Mark one message, or all of mine, read. */
  'messages.read': { req: { id?: string; all?: boolean }; res: { count: number } };
  /** The one-time WeChat subscriptions the person just accepted (`wx.requestSubscribeMessage`), by kind. */
  'messages.subscribe': { req: { kinds: MessageKind[] }; res: { kinds: MessageKind[] } };
  /**
   * Admin: what the local sender would have sent to WeChat, newest first. The recipient is shown only as a short
   * key derived from them (the same person always has the same key), never as their id; message ids name people,
   * so each line has a key of its own instead.
   */
  'messages.sent': {
    req: { cursor?: string };
    res: Page<{
      key: string;
      person: string;
      kind: MessageKind;
      title: string;
      at: string;
      delivery: Message['delivery'];
    }>;
  };

  'circles.progress': {
    req: Empty;
    res: {
      years: {
        year: CircleYear;
        target: number;
        built: number;
        building: number;
        planned: number;
        cumulativeTarget: number;
        cumulativeBuilt: number;
      }[];
      unscheduled: number;
      total: number;
      /** 8-minute pilots, counted apart (they are also in the years above). */
      pilots?: { total: number; built: number; building: number; planned: number; streets: string[] };
      /** 15-minute circles: a level of their own, not in the years above. */
      fifteen?: number;
      /** The plan's communities: in an 8/10-minute circle, and of those still without a location. */
      communities?: { total: number; inCircle: number; unlocatedInCircle: number };
    };
  };

  /** Admin: a record of support, new (no id) or edited. */
  'subsidies.save': {
    req: {
      id?: string;
      projectName: string;
      creditCode: string;
      /** Some of the business's outlets; all of them when left out. */
      outletIds?: string[];
      form: SubsidyForm;
      amountYuan: number;
      year: number;
      purpose: string;
      status: SubsidyStatus;
    };
    res: PublicSubsidy;
  };
  /** Admin: every record (or one street's); a worker: their street's. Newest first. */
  'subsidies.list': { req: { streetCode?: string; cursor?: string }; res: Page<PublicSubsidy> };
  'subsidies.get': {
    req: { id: string };
    res: { subsidy: PublicSubsidy; outlets: (SupervisedOutlet & { latest: Assessment | null })[] };
  };
  /** A worker of the outlet's street (or an admin) records an inspection. */
  'subsidies.inspect': {
    req: {
      outletId: string;
      date: string;
      checks: { check: InspectionCheck; result: InspectionResult }[];
      note?: string;
    };
    res: PublicInspection;
  };
  /** One outlet's inspections and assessments, newest first. */
  'subsidies.outlet': {
    req: { outletId: string };
    res: { outlet: SupervisedOutlet; supported: boolean; inspections: PublicInspection[]; assessments: Assessment[] };
  };
  /** The assessments of a period (the current one by default). */
  'subsidies.assessments': {
    req: { periodKey?: string; streetCode?: string; cursor?: string };
    res: { period: AssessmentPeriod; periodKey: string; label: string; items: Assessment[]; nextCursor: string | null };
  };
  /** Admin: assess every supported outlet for the current period now (again: the same documents, updated). */
  'subsidies.assess': { req: Empty; res: { periodKey: string; assessed: number; failed: number } };
  /** Admin: how often to assess. */
  'subsidies.setPeriod': { req: { period: AssessmentPeriod }; res: { period: AssessmentPeriod } };

  /** Warnings of one status: a worker's street, or (admin) any street or all. Newest first. */
  'warnings.list': { req: { status: WarningStatus; streetCode?: string; cursor?: string }; res: Page<PublicWarning> };
  'warnings.get': { req: { id: string }; res: { warning: PublicWarning; stillHolds: boolean | null; check: string } };
  /** 处理中 with a note, or 已处理 (only once its condition no longer holds, for rules that have one). */
  'warnings.handle': { req: { id: string; status: 'handling' | 'resolved'; note: string }; res: PublicWarning };
  /** Admin: evaluate the daily rules now. */
  'warnings.evaluate': { req: Empty; res: { raised: number } };
  /** Worker (own street) / admin (district or a street): the convenience index over time and the figures. */
  'supervision.dashboard': { req: { streetCode?: string }; res: Dashboard };
  /** A circle's evaluation (边建设、边评价), computed from live data; public. */
  'supervision.evaluation': { req: { circleId: string }; res: CircleEvaluation };
  /** The evaluation thresholds now, and their history (newest first). */
  'supervision.config': { req: Empty; res: { current: EvaluationConfig; history: EvaluationConfig[] } };
  'supervision.setConfig': { req: { thresholds: EvaluationThresholds; note?: string }; res: EvaluationConfig };
  /** Admin: the survey (and its question) whose answers measure a circle's residents' satisfaction. */
  'supervision.linkSurvey': {
    req: { circleId: string; surveyId: string; questionId: string; satisfiedOptions?: string[] };
    res: { circleId: string; surveyId: string; questionId: string };
  };
  /** Every current 示范 designation (public). */
  'supervision.designations': { req: Empty; res: PublicDesignation[] };
  'supervision.designate': {
    req: { kind: DesignationKind; targetId: string; year: number; reason: string };
    res: PublicDesignation;
  };
  'supervision.undesignate': { req: { id: string }; res: { id: string } };

  /** A street's 一街一则, generated from live data with the workers' text (public). */
  'guidelines.get': { req: { streetCode: string }; res: GuidelineView };
  /** Worker of the street / admin: saves the workers' text as a new version (`version`: the one edited). */
  'guidelines.save': { req: { streetCode: string; notes: string; version: number }; res: Guideline };
  /** The 一街一则 as a Word document (.docx, base64). */
  'guidelines.export': { req: { streetCode: string }; res: { filename: string; base64: string } };
}

export type ActionKey = keyof ActionMap;
export type Req<K extends ActionKey> = ActionMap[K]['req'];
export type Res<K extends ActionKey> = ActionMap[K]['res'];

/** The function (area) part of an action key: `'geo'` for `'geo.streets'`. */
export type FnName = ActionKey extends `${infer F}.${string}` ? F : never;
export const FUNCTIONS = [
  'auth',
  'geo',
  'outlets',
  'coverage',
  'circles',
  'events',
  'merchants',
  'reviews',
  'files',
  'ratings',
  'surveys',
  'demand',
  'messages',
  'subsidies',
  'warnings',
  'supervision',
  'guidelines',
] as const satisfies readonly FnName[];
/** Every function of the action map is listed above: a missing one is a compile error here. */
export type MissingFunctions = Exclude<FnName, (typeof FUNCTIONS)[number]>;
const everyFunctionListed: [MissingFunctions] extends [never] ? true : never = true;
void everyFunctionListed;

/** The actions of one function, by their short name: `ActionsOf<'geo'>['streets']` is `'geo.streets'`. */
export type ActionsOf<F extends FnName> = {
  [K in ActionKey as K extends `${F}.${infer A}` ? A : never]: K;
};

/** What a function receives: `{ action, data }`. */
export interface FunctionEvent {
  action: string;
  data?: unknown;
}
