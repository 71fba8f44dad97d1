export default definePageConfig({ navigationBarTitleText: '日记抽查' });
