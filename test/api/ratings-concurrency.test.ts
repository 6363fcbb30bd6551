import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, Rating } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';
import { outlet } from '../support/outlets';

describe('ratings under load, through the local HTTP server', () => {
  let running: RunningLocal;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ratings-load-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      // Hundreds of people sign in from this one address.
      signInLimit: { max: 500, windowMs: 60_000 },
    });
    await running.store.set('outlets', 'busy-shop', outlet('busy-shop', 116.3745, 39.9075));
  });
  afterAll(() => running.close());

  const post = async (fn: string, action: string, data: unknown, token?: string) =>
    (await (
      await fetch(`${running.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ action, data }),
      })
    ).json()) as Envelope<unknown>;

  it('counts 100 people once each when each sends 2 ratings at the same time, the sum matching their last stars', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const env = (await post('auth', 'devLogin', { openid: `rater-${i}` })) as Envelope<{ token: string }>;
        if (!env.ok) throw new Error(env.error.message);
        return env.data.token;
      }),
    );
    const requests = tokens.flatMap((t, i) => [
      post('ratings', 'submit', { outletId: 'busy-shop', stars: 1 + (i % 5) }, t),
      post('ratings', 'submit', { outletId: 'busy-shop', stars: 5 - (i % 5), text: '第二次评价' }, t),
    ]);
    const answers = await Promise.all(requests); // 200 in flight
    expect(answers.every((a) => a.ok)).toBe(true);
    const agg = (await running.store.get('outletRatings', 'busy-shop'))!;
    const stored: Rating[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Rating[]; nextCursor: string | null } = await running.store.query('ratings', {
        where: { outletId: 'busy-shop' },
        cursor,
      });
      stored.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(stored).toHaveLength(100);
    expect(agg.count).toBe(100);
    expect(agg.sum).toBe(stored.reduce((n, r) => n + r.stars, 0));
    expect(agg.histogram.reduce((a, b) => a + b, 0)).toBe(100);
  }, 60000);
});
