export default definePageConfig({ navigationBarTitleText: '月度总结会' });
