export default definePageConfig({
  navigationBarTitleText: '一街一则',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
