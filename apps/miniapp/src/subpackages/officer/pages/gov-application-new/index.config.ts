export default definePageConfig({ navigationBarTitleText: '新的报批' });
