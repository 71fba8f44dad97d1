export default definePageConfig({ navigationBarTitleText: '提醒发送记录' });
