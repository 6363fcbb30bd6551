import { api, registerOutlet, signInApi } from './api';
import { openApp, type E2E } from './browser';

/** Markup typed into names people choose: if it ran, it would set a flag on the page. */
const marked = (n: number, name: string) => `<img src=x onerror=__pwned=${n}>${name}`;

describe('text from people is shown as text, never run as markup', () => {
  let app: E2E;
  let ids: { outlet: string; event: string; circle: string };
  beforeAll(async () => {
    app = await openApp();
    const base = app.server.url;
    const merchant = await signInApi(base, 'merchant');
    const admin = await signInApi(base, 'admin');
    const worker = await signInApi(base, 'worker-110102001');
    const outlet = await registerOutlet(base, merchant, {
      name: marked(1, '早点铺'),
      streetCode: '110102001',
      lng: 116.3745,
      lat: 39.9075,
    });
    await api(base, admin, 'reviews.decide', { outletId: outlet, decision: 'approve' });
    const event = await api<{ event: { id: string } }>(base, worker, 'events.create', {
      title: marked(2, '讲座'),
      theme: '便民服务',
      streetCode: '110102001',
      placeName: marked(3, '活动室'),
      lng: 116.3745,
      lat: 39.9075,
      startAt: '2027-01-05T09:00:00+08:00',
      endAt: '2027-01-05T11:00:00+08:00',
      deadline: '2027-01-04T18:00:00+08:00',
      capacity: 10,
      description: marked(4, '说明'),
    });
    const circles = await api<{ circle: { id: string } }[]>(base, null, 'circles.list', { streetCode: '110102001' });
    const circle = circles[0].circle.id;
    await api(base, admin, 'circles.save', { op: 'update', id: circle, name: marked(5, '生活圈') });
    const resident = await signInApi(base, 'resident');
    await api(base, resident, 'ratings.submit', { outletId: outlet, stars: 4, text: marked(6, '好吃') });
    ids = { outlet, event: event.event.id, circle };
  });
  afterAll(() => app?.close());

  const pages = () => [
    ['the outlet page (title, name, reviews)', `#/pages/outlet/index?id=${ids.outlet}`, '早点铺'],
    ['the event page (title, place, description)', `#/pages/event/index?id=${ids.event}`, '讲座'],
    ['the events list', '#/pages/events/index', '讲座'],
    ['the circle page (title, name)', `#/pages/circle/index?id=${ids.circle}`, '生活圈'],
    ['the 生活圈 tab (circle list)', '#/pages/circles/index', '生活圈'],
    ['the nearby list', `#/pages/nearby/index?lng=116.3745&lat=39.9075&label=x`, '早点铺'],
  ];

  it.each([0, 1, 2, 3, 4, 5])('runs no injected script on page %i, and shows the name as text', async (i) => {
    const [, hash, visible] = pages()[i];
    const page = await app.newPerson();
    await page.goto(`${app.server.url}/${hash}`);
    await page.locator(`text=${visible} >> visible=true`).first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The characters are still there to read, as text.
    expect(await page.locator('body').innerText()).toMatch(/img src=x onerror/);
    await page.context().close();
  });
});
