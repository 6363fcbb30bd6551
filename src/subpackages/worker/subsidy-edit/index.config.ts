export default definePageConfig({ navigationBarTitleText: '补助记录' });
