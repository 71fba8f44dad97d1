export default definePageConfig({ navigationBarTitleText: '台账季度抽查' });
