export default definePageConfig({ navigationBarTitleText: '考评事件导入' });
