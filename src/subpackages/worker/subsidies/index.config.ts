export default definePageConfig({ navigationBarTitleText: '补助与考核' });
