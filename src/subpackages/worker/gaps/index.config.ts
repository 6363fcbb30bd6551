export default definePageConfig({ navigationBarTitleText: '缺项与选址' });
