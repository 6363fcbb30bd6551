export default definePageConfig({
  navigationBarTitleText: '生活圈详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
