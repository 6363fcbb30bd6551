export default definePageConfig({
  navigationBarTitleText: '网点详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
