export default definePageConfig({ navigationBarTitleText: '会议检查评比审批' });
