import type { Survey } from '../../../types';
import type { Store } from '../../store/port';

const DAY = 24 * 3600 * 1000;

/**
 * One demo survey for the whole district (marked demo, shown as 演示数据), open for 30 days from when the data folder
 * was made. It counts as already invited, so no message goes out for it. The id is fixed: seeding twice writes the
 * same document.
 */
export function demoSurvey(now: Date): Survey {
  const at = now.toISOString();
  return {
    id: 'demo-sv-1',
    title: '您身边的便民服务够用吗？',
    description: '了解居民步行十分钟内买菜、早餐、维修等生活服务是否方便，结果用于补齐社区便民设施。',
    target: { kind: 'district' },
    opensAt: at,
    closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    questions: [
      { id: 'q1', kind: 'rating', title: '您对小区周边便民服务的总体满意度', options: [], required: true },
      { id: 'q2', kind: 'missing', title: '步行十分钟内，您觉得缺少哪些服务？', options: [], required: true },
      {
        id: 'q3',
        kind: 'single',
        title: '您最常在什么时间买菜？',
        options: ['早上', '中午', '傍晚', '晚上'],
        required: false,
      },
      { id: 'q4', kind: 'text', title: '其他意见和建议', options: [], required: false },
    ],
    answerCount: 0,
    createdBy: 'demo',
    createdAt: at,
    invitedAt: at,
    demo: true,
  };
}

/** Writes the demo survey into a fresh store (called once when a data folder is first seeded). */
export async function seedDemoSurvey(store: Store, now: Date): Promise<void> {
  const survey = demoSurvey(now);
  await store.set('surveys', survey.id, survey);
}
