export default definePageConfig({ navigationBarTitleText: '检查与考核' });
