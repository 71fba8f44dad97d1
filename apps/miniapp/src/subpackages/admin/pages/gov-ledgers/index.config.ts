export default definePageConfig({ navigationBarTitleText: '三定与效能制度' });
