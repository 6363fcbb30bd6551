export default definePageConfig({ navigationBarTitleText: '生活圈', enablePullDownRefresh: true });
