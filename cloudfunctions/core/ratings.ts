import { utcHourBucket } from '../../types/time';
/**
 * Ratings. The score residents see is a Bayesian mean: the outlet's ratings plus PRIOR_WEIGHT imaginary ratings
 * of PRIOR_MEAN stars, so a handful of ratings cannot outrank a long record (a new outlet with one 5-star rating
 * scores (10 × 3.8 + 5) / 11 ≈ 3.91, below an outlet with 200 ratings averaging 4.6 ≈ 4.56).
 */
export const PRIOR_MEAN = 3.8;
export const PRIOR_WEIGHT = 10;
/** Reports after which a published review is hidden until a worker looks at it. */
export const REPORT_THRESHOLD = 3;
/** Submissions a person may make per hour. */
export const RATE_LIMIT_PER_HOUR = 20;

export interface RatingAggregate {
  count: number;
  sum: number;
  /** Ratings of 1..5 stars, index 0 = 1 star. */
  histogram: [number, number, number, number, number];
  bayes: number;
}

export const EMPTY_AGGREGATE: RatingAggregate = { count: 0, sum: 0, histogram: [0, 0, 0, 0, 0], bayes: PRIOR_MEAN };

export function bayesianMean(count: number, sum: number): number {
  return (PRIOR_WEIGHT * PRIOR_MEAN + sum) / (PRIOR_WEIGHT + count);
}

/** The aggregate after a person's rating changes from `previous` stars (or none) to `next` stars. */
export function applyRating(agg: RatingAggregate, previous: number | null, next: number): RatingAggregate {
  const histogram = [...agg.histogram] as RatingAggregate['histogram'];
  let { count, sum } = agg;
  if (previous !== null) {
    histogram[previous - 1]--;
    sum -= previous;
    count--;
  }
  histogram[next - 1]++;
  sum += next;
  count++;
  return { count, sum, histogram, bayes: bayesianMean(count, sum) };
}

/**
 * Words that keep a text from being published until a worker approves it: abuse, illegal trade, and contact
 * spam. Kept short and specific on purpose; the platform's own check adds to it in WeChat.
 */
const SENSITIVE = [
  '傻逼',
  '操你',
  '他妈的',
  '去死',
  '滚蛋',
  '贱人',
  '毒品',
  '冰毒',
  '大麻',
  '枪支',
  '赌博',
  '博彩',
  '代开发票',
  '办证',
  '刷单',
  '色情',
  '约炮',
  '加微信',
  '加v',
  '加qq',
];
const CONTACT = /(?:\+?86)?1[3-9]\d{9}|(?:wx|vx|微信|qq)[:：号]?\s*[a-z0-9_-]{5,}/i;

/** Whether a text must wait for a person's review before others see it. */
export function needsModeration(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, '');
  return SENSITIVE.some((w) => t.includes(w)) || CONTACT.test(text);
}

/** The hour bucket of an instant, for the per-person rate limit. */
export function hourBucket(at: Date): string {
  return utcHourBucket(at);
}
