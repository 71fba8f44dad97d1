export default definePageConfig({ navigationBarTitleText: '效能制度' });
