import { openApp, type E2E } from './browser';

/** A date 30 days from now, in Beijing, as the worker types it. */
function inAMonth(): string {
  return new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
}

describe('问卷: a worker asks, a resident answers, the worker sees the chart', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('creates a survey, answers it as a resident of the street, and shows the result chart', async () => {
    const { page: worker, server } = app;
    await worker.goto(`${server.url}/#/pages/mine/index`);
    await worker.locator('.account-item').filter({ hasText: '西长安街街道' }).first().tap();
    await worker.getByText('问卷调查').tap();
    await worker.locator('.new-survey').tap();
    await worker.locator('.field-survey-title input').fill('西长安街买菜情况调查');
    await worker.locator('.field-survey-closes input').fill(inAMonth());
    await worker.locator('.q-0 .q-title input').fill('您多久买一次菜？');
    await worker.locator('.q-0 .q-options input').fill('每天,每周两三次,更少');
    await worker.locator('.add-question').tap();
    await worker.locator('.q-1 .q-title input').fill('对周边买菜方便程度打分');
    await worker.locator('.submit-survey').tap();
    await worker.locator('.results-total').getByText('共 0 份').waitFor();

    const resident = await app.newPerson();
    await resident.goto(`${server.url}/#/pages/mine/index`);
    await resident.getByText('以新居民身份登录').tap();
    await resident.getByText('身份：居民').waitFor();
    await resident.locator('.home-picker .row').tap();
    await resident.locator('.home-picker .chip', { hasText: '西长安街' }).tap();
    await resident.locator('.home-choice', { hasText: '西交民巷' }).tap();
    await resident.locator('.home-current').getByText('西交民巷社区居委会').waitFor();
    await resident.goto(`${server.url}/#/pages/surveys/index`);
    await resident.locator('.survey-item', { hasText: '西长安街买菜情况调查' }).getByText('去填写').tap();
    await resident.locator('.question-q1 .chip', { hasText: '每天' }).tap();
    await resident.locator('.question-q2 .rating-4').tap();
    await resident.locator('.submit-survey').tap();
    await resident.getByText('您已提交这份问卷，感谢参与！每人只能提交一次。').waitFor();

    await worker.reload();
    await worker.locator('.results-total').getByText('共 1 份').waitFor();
    const everyDay = worker.locator('.chart').first().locator('.bar-row', { hasText: '每天' });
    expect(await everyDay.locator('.bar-value').innerText()).toBe('1（100%）');
    expect(await everyDay.locator('.bar-fill').evaluate((el) => (el as HTMLElement).style.width)).toBe('100%');
    await worker.getByText(/平均 4 分/).waitFor();
  });
});
