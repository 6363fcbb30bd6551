export default definePageConfig({ navigationBarTitleText: '西城区十分钟便民生活圈', enablePullDownRefresh: true });
