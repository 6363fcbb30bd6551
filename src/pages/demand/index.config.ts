export default definePageConfig({ navigationBarTitleText: '反映缺少的服务' });
