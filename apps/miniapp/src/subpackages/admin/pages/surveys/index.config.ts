export default definePageConfig({ navigationBarTitleText: '问卷与测评' });
