export default definePageConfig({ navigationBarTitleText: '附加项权重' });
