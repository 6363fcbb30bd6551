export default definePageConfig({ navigationBarTitleText: '生活圈规划' });
