import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionSigner } from '../../cloudfunctions/local/session';

describe('signed local sessions', () => {
  const signer = new SessionSigner(Buffer.alloc(32, 7), 1000);

  it('gives back the openid of a token it issued', () => {
    expect(signer.verify(signer.issue('oABC', 0), 500)).toBe('oABC');
  });

  it('refuses an expired token, a tampered payload, a token of another secret and garbage', () => {
    const token = signer.issue('oABC', 0);
    expect(signer.verify(token, 1000)).toBeNull();
    const [v, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'demo:admin', exp: 10_000 })).toString('base64url');
    expect(signer.verify(`${v}.${forged}.${mac}`, 1)).toBeNull();
    expect(new SessionSigner(Buffer.alloc(32, 8)).verify(token, 1)).toBeNull();
    expect(signer.verify('not-a-token', 1)).toBeNull();
  });

  it('keeps one secret per data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-'));
    const token = SessionSigner.fromDataDir(dir).issue('oXYZ');
    expect(SessionSigner.fromDataDir(dir).verify(token)).toBe('oXYZ');
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });
});
