export default definePageConfig({ navigationBarTitleText: '会议检查报批' });
