export default definePageConfig({ navigationBarTitleText: '全局大会 / 集体活动' });
