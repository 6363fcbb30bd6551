import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, EventView } from '../../types';
import { startLocal, type RunningLocal } from '../../cloudfunctions/local/main';
import { readAll } from '../../cloudfunctions/store/port';

/** Saturday 28 November 2026, 10:00 in Beijing: before the deadline. */
const NOW = new Date('2026-11-28T02:00:00Z');

async function post<T>(base: string, fn: string, action: string, data: unknown, token?: string): Promise<Envelope<T>> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return (await res.json()) as Envelope<T>;
}
const data = <T>(env: Envelope<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.data;
};

describe('events under load, through the local HTTP server', () => {
  let running: RunningLocal;
  beforeAll(async () => {
    running = await startLocal({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'events-load-')),
      port: 0,
      devLogin: true,
      demoOutlets: 0,
      clock: () => NOW,
      // A thousand people sign in from this one address.
      signInLimit: { max: 2000, windowMs: 60_000 },
    });
  });
  afterAll(() => running.close());

  it('gives 100 seats to exactly 100 of 1,000 simultaneous joiners, waitlists 900 in order, and promotes in order', async () => {
    const base = running.url;
    const worker = data(await post<{ token: string }>(base, 'auth', 'devLogin', { account: 'worker-110102001' })).token;
    const event = data(
      await post<EventView>(
        base,
        'events',
        'create',
        {
          title: '社区便民日',
          theme: '便民服务',
          streetCode: '110102001',
          placeName: '西长安街街道市民活动中心',
          lng: 116.3745,
          lat: 39.9075,
          startAt: '2026-12-06T09:00:00+08:00',
          endAt: '2026-12-06T12:00:00+08:00',
          deadline: '2026-12-05T20:00:00+08:00',
          capacity: 100,
          categories: ['hair', 'repair'],
        },
        worker,
      ),
    ).event;

    const people = Array.from({ length: 1000 }, (_, i) => `person-${String(i).padStart(4, '0')}`);
    const tokens = await Promise.all(
      people.map(async (openid) => data(await post<{ token: string }>(base, 'auth', 'devLogin', { openid })).token),
    );
    // 1,000 joins in flight at once.
    const joined = await Promise.all(tokens.map((t) => post<EventView>(base, 'events', 'join', { id: event.id }, t)));
    const mine = joined.map((env) => data(env).mine!);
    expect(mine.filter((m) => m.status === 'confirmed')).toHaveLength(100);
    const waiting = mine.filter((m) => m.status === 'waitlisted');
    expect(waiting).toHaveLength(900);
    // Places given while others were still joining are at least 1 and at most the line's length.
    expect(waiting.every((m) => m.position! >= 1 && m.position! <= 900)).toBe(true);
    expect(await running.store.count('signups', { eventId: event.id })).toBe(1000);
    expect(new Set(mine.map((m) => m.openid)).size).toBe(1000);

    const stored = (await running.store.get('events', event.id))!;
    expect(stored.confirmedCount).toBe(100);
    // The event document holds counters only, a few KB whatever the number of people.
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(4096);
    const line = async () =>
      (await readAll(running.store, 'signups', { eventId: event.id, status: 'waitlisted' }, { field: 'queueKey' })).map(
        (s) => s.openid,
      );
    const before = await line();
    expect(before).toHaveLength(900);
    // Once all joins are in, every waiting person sees their exact place in line.
    for (const i of [0, 1, 449, 899])
      expect(
        data(await post<EventView>(base, 'events', 'get', { id: event.id }, tokens[people.indexOf(before[i])])).mine,
      ).toMatchObject({ status: 'waitlisted', position: i + 1 });

    // Ten confirmed people leave at once: the first ten on the waitlist get their seats, in order.
    const leavers = mine.filter((m) => m.status === 'confirmed').slice(0, 10);
    await Promise.all(
      leavers.map((m) => post(base, 'events', 'leave', { id: event.id }, tokens[people.indexOf(m.openid)])),
    );
    const after = (await running.store.get('events', event.id))!;
    expect(after.confirmedCount).toBe(100);
    expect(await line()).toEqual(before.slice(10));
    for (const openid of before.slice(0, 10))
      expect((await running.store.get('signups', `${event.id}_${openid}`))?.status).toBe('confirmed');
    const next = data(
      await post<EventView>(base, 'events', 'get', { id: event.id }, tokens[people.indexOf(before[10])]),
    );
    expect(next.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(next.waitlisted).toBe(890);
    // Every seat holder has a distinct check-in code.
    const seated = await readAll(running.store, 'signups', { eventId: event.id, status: 'confirmed' });
    expect(new Set(seated.map((s) => s.checkInCode)).size).toBe(100);
  }, 120000);
});
