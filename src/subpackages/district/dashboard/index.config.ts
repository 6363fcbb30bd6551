export default definePageConfig({ navigationBarTitleText: '监测评价' });
