import dns from 'node:dns';
import net from 'node:net';

/**
 * Tests run offline. A connection to a host other than this machine's loopback is refused and recorded,
 * and a test file that attempted one fails.
 */
export const networkAttempts: string[] = [];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function targetOf(args: unknown[]): string | null {
  const first = args[0];
  if (Array.isArray(first)) return targetOf(first);
  if (first && typeof first === 'object') {
    const o = first as { host?: string; path?: string };
    if (o.path) return null; // a local (unix) socket
    return o.host ?? 'localhost';
  }
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  return null;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = targetOf(args);
  if (host !== null && !LOOPBACK.test(host)) {
    networkAttempts.push(host);
    throw new Error(`network access attempted in a test: ${host}`);
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!LOOPBACK.test(hostname)) {
    networkAttempts.push(hostname);
    const cb = rest[rest.length - 1] as (err: Error) => void;
    process.nextTick(() =>
      cb(Object.assign(new Error(`DNS lookup attempted in a test: ${hostname}`), { code: 'ENOTFOUND' })),
    );
    return undefined;
  }
  return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
} as typeof dns.lookup;

afterAll(() => {
  if (networkAttempts.length)
    throw new Error(`this test file tried to reach the network: ${networkAttempts.join(', ')}`);
});
