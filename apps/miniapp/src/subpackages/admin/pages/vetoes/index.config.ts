export default definePageConfig({ navigationBarTitleText: '一票否决' });
