export default definePageConfig({ navigationBarTitleText: '个人成绩' });
