export default definePageConfig({ navigationBarTitleText: '我的网点', enablePullDownRefresh: true });
