export default definePageConfig({ navigationBarTitleText: '局领导点评' });
