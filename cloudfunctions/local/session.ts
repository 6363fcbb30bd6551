import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Signed local sessions: `v1.<payload>.<HMAC-SHA256>`, both base64url. The payload names the openid and when
 * the session ends; the secret is generated on first start and kept in the data folder.
 */
export class SessionSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs = 30 * DAY_MS,
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
    return crypto.createHmac('sha256', this.secret).update(`v1.${payload}`).digest('base64url');
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

  issue(openid: string, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ sub: openid, exp: now + this.ttlMs })).toString('base64url');
    return `v1.${payload}.${this.mac(payload)}`;
  }

  /** The openid of a valid, unexpired token; null for anything else. */
  verify(token: string, now = Date.now()): string | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'v1') return null;
    const [, payload, mac] = parts;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
    try {
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
      if (typeof body.sub !== 'string' || typeof body.exp !== 'number' || body.exp <= now) return null;
      return body.sub;
    } catch {
      return null;
    }
  }
}
