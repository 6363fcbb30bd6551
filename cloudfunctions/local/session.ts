import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '../../types';
import type { SessionRecord, Store } from '../store/port';

const DAY_MS = 24 * 3600 * 1000;

/** What a session token says about itself (signed, so it cannot be changed). */
export interface TokenClaims {
  /** The openid. */
  sub: string;
  /** The session's id in the `sessions` collection (random, 128 bits). */
  sid: string;
  /** How the session was issued. */
  via: SessionRecord['via'];
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

/**
 * Signed local sessions: `v2.<payload>.<HMAC-SHA256>`, both base64url. The payload names the openid, the session
 * id, how it was issued and when it ends; the secret is generated on first start and kept in the data folder.
 * (`v1` tokens named no session and so could not be revoked: they are refused.)
 */
export class SessionSigner {
  constructor(
    private readonly secret: Buffer,
    readonly ttlMs = 30 * DAY_MS,
  ) {}

  /** Reads `<dataDir>/session-secret`, creating it (32 random bytes, mode 600) the first time. */
  static fromDataDir(dataDir: string): SessionSigner {
    const file = path.join(dataDir, 'session-secret');
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return new SessionSigner(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
  }

  private mac(payload: string): string {
    return crypto.createHmac('sha256', this.secret).update(`v2.${payload}`).digest('base64url');
  }

  /** A signature for any short text (e.g. a file link), with the same secret. */
  sign(text: string): string {
    return crypto.createHmac('sha256', this.secret).update(`x.${text}`).digest('base64url');
  }

  check(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  issue(claims: Omit<TokenClaims, 'exp'>, now = Date.now()): string {
    const body: TokenClaims = { ...claims, exp: now + this.ttlMs };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `v2.${payload}.${this.mac(payload)}`;
  }

  /** The claims of a well-signed, unexpired token; null for anything else. Says nothing about revocation. */
  verify(token: string, now = Date.now()): TokenClaims | null {
    if (typeof token !== 'string' || token.length > 1024) return null;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'v2') return null;
    const [, payload, mac] = parts;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
    try {
      const b = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
      if (typeof b.sub !== 'string' || typeof b.sid !== 'string' || b.via !== 'demo') return null;
      if (typeof b.exp !== 'number' || b.exp <= now) return null;
      return { sub: b.sub, sid: b.sid, via: b.via, exp: b.exp };
    } catch {
      return null;
    }
  }
}

/** Whether a session may still be used: it exists, names the token's person, and has not been revoked. */
function usable(rec: SessionRecord | null, claims: TokenClaims): rec is SessionRecord {
  return !!rec && rec.openid === claims.sub && rec.via === claims.via && rec.revokedAt === null;
}

/**
 * Sessions of the local server: each token names a record in `sessions`, so a token can be revoked (sign-out),
 * and a token issued through demo sign-in is refused while demo sign-in is off — also after a restart.
 */
export class LocalSessions {
  constructor(
    private readonly store: Store,
    readonly signer: SessionSigner,
    private readonly devLogin: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A token for `openid` at once, and the write of its session record. The token works only once the write has
   * landed, so the caller must wait for `recorded` before handing the token out.
   */
  start(openid: string, via: SessionRecord['via'] = 'demo'): { token: string; recorded: Promise<void> } {
    const at = this.now();
    const sid = `s-${crypto.randomBytes(16).toString('hex')}`;
    const token = this.signer.issue({ sub: openid, sid, via }, at.getTime());
    const recorded = this.store.set('sessions', sid, {
      id: sid,
      openid,
      via,
      createdAt: at.toISOString(),
      revokedAt: null,
    });
    // Marked as handled here (the caller awaits it later): a failed write must not become an unhandled rejection
    // in between, which would end the process.
    recorded.catch(() => undefined);
    return { token, recorded };
  }

  async issue(openid: string, via: SessionRecord['via'] = 'demo'): Promise<string> {
    const { token, recorded } = this.start(openid, via);
    await recorded;
    return token;
  }

  /** The session behind a bearer token, or null: bad or expired signature, unknown or revoked session, or a
   * demo-issued session while demo sign-in is off. */
  async authenticate(token: string): Promise<{ openid: string; sid: string } | null> {
    const claims = this.signer.verify(token, this.now().getTime());
    if (!claims) return null;
    if (claims.via === 'demo' && !this.devLogin) return null;
    const rec = await this.store.get('sessions', claims.sid);
    return usable(rec, claims) ? { openid: claims.sub, sid: claims.sid } : null;
  }

  revoke(token: string): Promise<boolean> {
    return revokeSession(this.store, this.signer, token, this.now());
  }
}

/**
 * Sign-out: marks the token's session revoked, so the token is refused from now on (other sessions of the same
 * person stay). True when a live session was revoked; false for a token that names none (already revoked,
 * forged, expired). The token's signature is checked, so only its holder can end a session.
 */
export async function revokeSession(
  store: Store,
  signer: SessionSigner,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  const claims = signer.verify(token, now.getTime());
  if (!claims) return false;
  return store.transaction(async (tx) => {
    const rec = await tx.get('sessions', claims.sid);
    if (!usable(rec, claims)) return false;
    await tx.set('sessions', rec.id, { ...rec, revokedAt: now.toISOString() });
    return true;
  });
}

/** Ends every session of a person (e.g. "sign out everywhere", or after a person is blocked). */
export async function revokeAllSessions(store: Store, openid: string, now: Date = new Date()): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: Page<SessionRecord> = await store.query('sessions', { where: { openid, revokedAt: null }, cursor });
    for (const s of page.items) {
      await store.update('sessions', s.id, { revokedAt: now.toISOString() });
      n++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

/**
 * Forgets sessions whose tokens have expired (created more than `ttlMs` ago): such tokens are refused by their
 * signature alone, so their records serve nothing. Run with the daily cleanup.
 */
export async function pruneExpiredSessions(store: Store, now: Date, ttlMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - ttlMs).toISOString();
  let n = 0;
  for (;;) {
    const page: Page<SessionRecord> = await store.query('sessions', { where: { createdAt: { lt: cutoff } } });
    for (const s of page.items) await store.remove('sessions', s.id);
    n += page.items.length;
    if (!page.nextCursor) return n;
  }
}
