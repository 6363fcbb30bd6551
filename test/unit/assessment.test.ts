import type { AssessmentInputs } from '../../types';
import { approvedShare, periodOf, previousPeriod, scoreAssessment } from '../../cloudfunctions/core/assessment';

const inputs = (over: Partial<AssessmentInputs> = {}): AssessmentInputs => ({
  bayes: 4.2,
  ratingCount: 12,
  lowRatings: 0,
  suspensions: 0,
  closures: 0,
  status: 'approved',
  openShare: 1,
  demandNear: 0,
  inspections: 1,
  checksPassed: 3,
  checksRectify: 0,
  checksFailed: 0,
  ...over,
});

describe('assessment periods (Beijing time)', () => {
  it('puts 1 October 00:30 Beijing (still 30 September in UTC) in the fourth quarter', () => {
    const p = periodOf('quarter', new Date('2026-09-30T16:30:00Z'));
    expect(p).toEqual({
      key: '2026Q4',
      label: '2026年第4季度',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
  });

  it('names months, halves and years, and the period before', () => {
    const at = new Date('2026-11-28T02:00:00Z');
    expect(periodOf('month', at).key).toBe('2026-11');
    expect(periodOf('half', at).key).toBe('2026H2');
    expect(periodOf('year', at)).toMatchObject({ key: '2026', to: '2026-12-31T16:00:00.000Z' });
    expect(previousPeriod('quarter', at).key).toBe('2026Q3');
    expect(previousPeriod('quarter', new Date('2026-02-01T00:00:00Z')).key).toBe('2025Q4');
  });
});

describe('hours kept, from the status history', () => {
  const from = '2026-10-01T00:00:00.000Z';
  const until = '2026-10-11T00:00:00.000Z';
  it('counts the days between a suspension and the return to approved as not kept', () => {
    const trail = [
      { kind: 'status' as const, from: 'approved' as const, to: 'suspended' as const, at: '2026-10-03T00:00:00.000Z' },
      { kind: 'status' as const, from: 'suspended' as const, to: 'approved' as const, at: '2026-10-05T00:00:00.000Z' },
    ];
    expect(approvedShare(trail, 'approved', from, until)).toBeCloseTo(0.8);
  });
  it('takes the status before the period from the last move before it', () => {
    const trail = [
      { kind: 'status' as const, from: 'pending' as const, to: 'closed' as const, at: '2026-09-01T00:00:00.000Z' },
    ];
    expect(approvedShare(trail, 'closed', from, until)).toBe(0);
    expect(approvedShare([], 'approved', from, until)).toBe(1);
  });
});

describe('the assessment score', () => {
  it('passes a well-rated, always open, inspected outlet', () => {
    const r = scoreAssessment(inputs());
    expect(r.parts).toEqual({ ratings: 80, operation: 100, inspections: 100, community: 100 });
    expect(r.score).toBe(94);
    expect(r.passed).toBe(true);
  });
  it('fails an outlet with a failed check even when its score is high, saying why', () => {
    const r = scoreAssessment(inputs({ checksPassed: 2, checksFailed: 1 }));
    expect(r.score).toBeGreaterThanOrEqual(60);
    expect(r.passed).toBe(false);
    expect(r.reasons).toEqual(['检查中有 1 项不合格']);
  });
  it('fails a closed outlet and a low score', () => {
    expect(scoreAssessment(inputs({ status: 'closed' })).reasons).toContain('网点已关闭');
    const low = scoreAssessment(
      inputs({
        bayes: 2,
        lowRatings: 4,
        openShare: 0.5,
        suspensions: 1,
        demandNear: 3,
        inspections: 0,
        checksPassed: 0,
      }),
    );
    expect(low.score).toBeLessThan(60);
    expect(low.passed).toBe(false);
  });
});
