import { networkAttempts } from '../support/no-network';

describe('the offline guard of the test run', () => {
  afterEach(() => networkAttempts.splice(0)); // these attempts are the point of the test

  it('refuses a connection to a host outside this machine and records it', async () => {
    // 0.0.0.0 would reach only this machine if the guard failed; it is not on the loopback allow-list.
    await expect(fetch('http://0.0.0.0:8/')).rejects.toThrow();
    expect(networkAttempts).toContain('0.0.0.0');
  });

  it('refuses a name lookup of an outside host', async () => {
    await expect(fetch('http://cloudbase.example/')).rejects.toThrow();
    expect(networkAttempts).toContain('cloudbase.example');
  });
});
