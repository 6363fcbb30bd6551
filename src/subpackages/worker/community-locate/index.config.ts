export default definePageConfig({ navigationBarTitleText: '补充社区位置' });
