export default definePageConfig({ navigationBarTitleText: '三定职责' });
