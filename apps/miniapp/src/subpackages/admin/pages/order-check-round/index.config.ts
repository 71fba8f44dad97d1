export default definePageConfig({ navigationBarTitleText: '检查轮次' });
