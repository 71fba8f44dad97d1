export default definePageConfig({ navigationBarTitleText: '日记审阅' });
