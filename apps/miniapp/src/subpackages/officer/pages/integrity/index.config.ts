export default definePageConfig({ navigationBarTitleText: '述廉报告' });
