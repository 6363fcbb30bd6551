export default definePageConfig({ navigationBarTitleText: '安排待补充位置的社区' });
