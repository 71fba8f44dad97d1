export default definePageConfig({ navigationBarTitleText: '附加项' });
