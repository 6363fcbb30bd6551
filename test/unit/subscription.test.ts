/**
 * The subscription prompts before 报名, 提交审核, 反映 and 订阅问卷, through the app's device service with WeChat's
 * `requestSubscribeMessage` replaced by a stand-in that answers as WeChat does (a result per template id, or a
 * failure when the person has turned subscriptions off). The pages pass these kinds (checked in the WeChat build
 * test, test/e2e/weapp-build.e2e.ts) and run their action after `subscribeBeforeAction` settles.
 */
import type * as DeviceModule from '../../src/services/device';

type Answer = Record<string, string> | Error;

const requests: { tmplIds: string[] }[] = [];
let answer: (tmplIds: string[]) => Answer = () => ({});

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    requestSubscribeMessage: (opts: { tmplIds: string[] }) => {
      requests.push({ tmplIds: [...opts.tmplIds] });
      const a = answer(opts.tmplIds);
      return a instanceof Error ? Promise.reject(a) : Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...a });
    },
  },
}));

const TEMPLATES = {
  promoted: 'tmpl-promoted-01',
  reminder: 'tmpl-reminder-02',
  eventChanged: 'tmpl-changed-03',
  reviewResult: 'tmpl-review-04',
  demandReply: 'tmpl-demand-05',
  surveyInvite: 'tmpl-survey-06',
};

/** What each action asks for (as the pages pass it to useSubscribe). */
const ACTIONS = {
  报名: ['promoted', 'reminder', 'eventChanged'],
  提交审核: ['reviewResult'],
  反映: ['demandReply'],
  订阅问卷: ['surveyInvite'],
} as const;

type Device = typeof DeviceModule;

function loadDevice(env: { TARO_ENV: 'weapp' | 'h5'; TARO_APP_TEMPLATES?: string }): Device {
  process.env.TARO_ENV = env.TARO_ENV;
  if (env.TARO_APP_TEMPLATES === undefined) delete process.env.TARO_APP_TEMPLATES;
  else process.env.TARO_APP_TEMPLATES = env.TARO_APP_TEMPLATES;
  let device!: Device;
  jest.isolateModules(() => {
    device = jest.requireActual<Device>('../../src/services/device');
  });
  return device;
}

describe('subscription prompts before the actions that lead to messages', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    requests.length = 0;
    answer = () => ({});
  });
  afterAll(() => {
    process.env = saved;
  });

  it.each(Object.entries(ACTIONS))(
    '%s asks WeChat for the configured templates of its kinds and reports the accepted ones',
    async (_action, kinds) => {
      const device = loadDevice({ TARO_ENV: 'weapp', TARO_APP_TEMPLATES: JSON.stringify(TEMPLATES) });
      answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'accept']));
      const reported: string[][] = [];
      const accepted = await device.subscribeBeforeAction(kinds, async (k) => void reported.push(k));
      expect(requests).toEqual([{ tmplIds: kinds.map((k) => TEMPLATES[k]) }]);
      expect(accepted).toEqual([...kinds]);
      expect(reported).toEqual([[...kinds]]);
    },
  );

  it('reports only what was accepted: a declined template is not reported, a ban neither', async () => {
    const device = loadDevice({ TARO_ENV: 'weapp', TARO_APP_TEMPLATES: JSON.stringify(TEMPLATES) });
    answer = () => ({
      [TEMPLATES.promoted]: 'reject',
      [TEMPLATES.reminder]: 'accept',
      [TEMPLATES.eventChanged]: 'ban',
    });
    const reported: string[][] = [];
    expect(await device.subscribeBeforeAction(ACTIONS.报名, async (k) => void reported.push(k))).toEqual(['reminder']);
    expect(reported).toEqual([['reminder']]);
  });

  it('never blocks the action: declining everything, WeChat failing, or the report failing all settle normally', async () => {
    const device = loadDevice({ TARO_ENV: 'weapp', TARO_APP_TEMPLATES: JSON.stringify(TEMPLATES) });
    let reports = 0;
    const report = async () => {
      reports++;
    };
    answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'reject']));
    await expect(device.subscribeBeforeAction(ACTIONS.反映, report)).resolves.toEqual([]);
    // The person turned subscription messages off in WeChat's settings: the call fails.
    answer = () => Object.assign(new Error('requestSubscribeMessage:fail'), { errCode: 20004 });
    await expect(device.subscribeBeforeAction(ACTIONS.提交审核, report)).resolves.toEqual([]);
    expect(reports).toBe(0);
    // Accepted, but telling the server failed (offline): the action still goes ahead.
    answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'accept']));
    const failing = () => Promise.reject(new Error('网络错误'));
    await expect(device.subscribeBeforeAction(ACTIONS.订阅问卷, failing)).resolves.toEqual(['surveyInvite']);
    expect(requests).toHaveLength(3);
  });

  it('asks nothing without templates, for kinds without one, in the browser, and at most three at once', async () => {
    const none = loadDevice({ TARO_ENV: 'weapp' });
    expect(await none.askSubscription(ACTIONS.报名)).toEqual([]);
    const some = loadDevice({
      TARO_ENV: 'weapp',
      TARO_APP_TEMPLATES: JSON.stringify({ reminder: 'tmpl-r', bogus: 'x' }),
    });
    answer = (ids) => Object.fromEntries(ids.map((id) => [id, 'accept']));
    expect(await some.askSubscription(ACTIONS.报名)).toEqual(['reminder']);
    expect(requests).toEqual([{ tmplIds: ['tmpl-r'] }]);
    const broken = loadDevice({ TARO_ENV: 'weapp', TARO_APP_TEMPLATES: '{not json' });
    expect(await broken.askSubscription(ACTIONS.报名)).toEqual([]);
    const h5 = loadDevice({ TARO_ENV: 'h5', TARO_APP_TEMPLATES: JSON.stringify(TEMPLATES) });
    expect(await h5.askSubscription(ACTIONS.报名)).toEqual([]);
    const all = loadDevice({ TARO_ENV: 'weapp', TARO_APP_TEMPLATES: JSON.stringify(TEMPLATES) });
    await all.askSubscription(['promoted', 'reminder', 'eventChanged', 'surveyInvite']);
    expect(requests[1].tmplIds).toHaveLength(3);
    expect(requests).toHaveLength(2);
  });
});
