export default definePageConfig({ navigationBarTitleText: '成绩排行' });
