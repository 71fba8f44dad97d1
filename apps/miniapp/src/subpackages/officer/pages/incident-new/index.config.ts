export default definePageConfig({ navigationBarTitleText: '记录考评事件' });
