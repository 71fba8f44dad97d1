export default definePageConfig({ navigationBarTitleText: '绩评定' });
