export default definePageConfig({ navigationBarTitleText: '表彰加分' });
