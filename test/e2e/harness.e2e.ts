import { launchBrowser, openApp } from './browser';

describe('the browser test harness', () => {
  it('closes the server it started when the browser fails to start', async () => {
    let url = '';
    await expect(
      openApp(undefined, (server) => {
        url = server.url;
        return launchBrowser('/nonexistent/chromium');
      }),
    ).rejects.toThrow();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    // Nothing listens there any more: the request is refused.
    await expect(fetch(`${url}/api/geo`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
