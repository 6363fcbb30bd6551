export default definePageConfig({
  navigationBarTitleText: '填写问卷',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
