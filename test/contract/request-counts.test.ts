import { requestsPerCall } from '../support/request-counts';

describe('database requests per call on CloudBase', () => {
  it('do not grow with the number of outlets or of sign-ups', async () => {
    const small = await requestsPerCall(200, 20);
    const large = await requestsPerCall(2000, 300);
    console.log('requests per call (200 outlets, 20 sign-ups → 2,000 outlets, 300 sign-ups)', { small, large });
    expect(Object.keys(small).sort()).toEqual([
      'coverage.report',
      'events.join (a seat)',
      'events.join (waitlist)',
      'outlets.nearby',
      'ratings.submit',
      'surveys.answer',
    ]);
    expect(large).toEqual(small);
    for (const n of Object.values(small)) expect(n).toBeLessThan(30);
  }, 120000);
});
