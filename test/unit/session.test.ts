import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  LocalSessions,
  pruneExpiredSessions,
  revokeAllSessions,
  revokeSession,
  SessionSigner,
} from '../../cloudfunctions/local/session';
import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';

const claims = { sub: 'oABC', sid: 's-1', via: 'demo' as const };

describe('signed local sessions', () => {
  const signer = new SessionSigner(Buffer.alloc(32, 7), 1000);

  it('gives back the openid, session id and how a token was issued', () => {
    expect(signer.verify(signer.issue(claims, 0), 500)).toEqual({ ...claims, exp: 1000 });
  });

  it('refuses an expired token, a tampered payload, a token of another secret, a v1 token and garbage', () => {
    const token = signer.issue(claims, 0);
    expect(signer.verify(token, 1000)).toBeNull();
    const [v, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'demo:admin', exp: 10_000 })).toString('base64url');
    expect(signer.verify(`${v}.${forged}.${mac}`, 1)).toBeNull();
    expect(new SessionSigner(Buffer.alloc(32, 8)).verify(token, 1)).toBeNull();
    expect(signer.verify(`v1.${token.split('.')[1]}.${mac}`, 1)).toBeNull();
    expect(signer.verify('not-a-token', 1)).toBeNull();
    expect(signer.verify('v2..', 1)).toBeNull();
  });

  it('keeps one secret per data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-'));
    const token = SessionSigner.fromDataDir(dir).issue(claims);
    expect(SessionSigner.fromDataDir(dir).verify(token)?.sub).toBe('oABC');
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });
});

describe('session records: revocation and demo sign-in turned off', () => {
  let store: SqliteStore;
  const signer = new SessionSigner(Buffer.alloc(32, 9));
  beforeEach(() => {
    store = SqliteStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('records how each session was issued', async () => {
    const token = await new LocalSessions(store, signer, true).issue('oAAA');
    const sid = signer.verify(token)!.sid;
    expect(await store.get('sessions', sid)).toEqual(
      expect.objectContaining({ id: sid, openid: 'oAAA', via: 'demo', revokedAt: null }),
    );
  });

  it('refuses a demo-issued token once demo sign-in is off, and accepts it again when it is back on', async () => {
    const token = await new LocalSessions(store, signer, true).issue('oAAA');
    expect(await new LocalSessions(store, signer, false).authenticate(token)).toBeNull();
    expect((await new LocalSessions(store, signer, true).authenticate(token))?.openid).toBe('oAAA');
  });

  it('refuses a revoked token but keeps the same person’s other sessions', async () => {
    const sessions = new LocalSessions(store, signer, true);
    const phone = await sessions.issue('oAAA');
    const laptop = await sessions.issue('oAAA');
    expect(await revokeSession(store, signer, phone)).toBe(true);
    expect(await sessions.authenticate(phone)).toBeNull();
    expect((await sessions.authenticate(laptop))?.openid).toBe('oAAA');
    // Revoking twice reports nothing revoked.
    expect(await revokeSession(store, signer, phone)).toBe(false);
  });

  it('refuses a well-signed token whose session record does not exist', async () => {
    const orphan = signer.issue({ sub: 'oAAA', sid: 's-never-recorded', via: 'demo' });
    expect(await new LocalSessions(store, signer, true).authenticate(orphan)).toBeNull();
  });

  it('ends every session of one person and no one else’s', async () => {
    const sessions = new LocalSessions(store, signer, true);
    const a = [await sessions.issue('oAAA'), await sessions.issue('oAAA')];
    const b = await sessions.issue('oBBB');
    expect(await revokeAllSessions(store, 'oAAA')).toBe(2);
    for (const t of a) expect(await sessions.authenticate(t)).toBeNull();
    expect((await sessions.authenticate(b))?.openid).toBe('oBBB');
  });

  it('forgets sessions whose tokens have expired, and only those', async () => {
    const t0 = new Date('2026-11-01T00:00:00Z');
    let now = t0;
    const sessions = new LocalSessions(store, signer, true, () => now);
    await sessions.issue('oOld');
    now = new Date(t0.getTime() + 20 * 86_400_000);
    const recent = await sessions.issue('oNew');
    now = new Date(t0.getTime() + 31 * 86_400_000);
    expect(await pruneExpiredSessions(store, now, signer.ttlMs)).toBe(1);
    expect(await store.count('sessions')).toBe(1);
    expect((await sessions.authenticate(recent))?.openid).toBe('oNew');
  });
});
