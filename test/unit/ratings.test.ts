import {
  applyRating,
  bayesianMean,
  EMPTY_AGGREGATE,
  needsModeration,
  PRIOR_MEAN,
  PRIOR_WEIGHT,
} from '../../cloudfunctions/core/ratings';

describe('rating scores', () => {
  it('computes the Bayesian mean by hand: (10 × 3.8 + 4 + 5 + 3) / 13', () => {
    expect(PRIOR_WEIGHT).toBe(10);
    expect(PRIOR_MEAN).toBe(3.8);
    expect(bayesianMean(3, 12)).toBeCloseTo(50 / 13, 12);
    expect(bayesianMean(0, 0)).toBe(3.8);
  });

  it('does not let one 5-star rating outrank 200 ratings averaging 4.6', () => {
    const fresh = bayesianMean(1, 5);
    const seasoned = bayesianMean(200, 200 * 4.6);
    expect(fresh).toBeCloseTo(43 / 11, 12);
    expect(seasoned).toBeGreaterThan(fresh);
  });

  it('replaces a person’s earlier stars in count, sum and histogram', () => {
    let agg = applyRating(EMPTY_AGGREGATE, null, 5);
    agg = applyRating(agg, null, 2);
    agg = applyRating(agg, 5, 4);
    expect(agg).toMatchObject({ count: 2, sum: 6, histogram: [0, 1, 0, 1, 0] });
    expect(agg.bayes).toBeCloseTo(44 / 12, 12);
  });

  it('sends abusive words and contact spam to moderation, and lets ordinary reviews through', () => {
    expect(needsModeration('老板人很好，菜也新鲜')).toBe(false);
    expect(needsModeration('什么破店，傻逼老板')).toBe(true);
    expect(needsModeration('有事加微信 abc_12345')).toBe(true);
    expect(needsModeration('电话13812345678')).toBe(true);
    expect(needsModeration('营业到 20:00，周日 10 点开门')).toBe(false);
  });
});
