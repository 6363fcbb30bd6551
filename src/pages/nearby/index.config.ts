export default definePageConfig({ navigationBarTitleText: '附近的便民服务' });
