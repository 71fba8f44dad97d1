export default definePageConfig({ navigationBarTitleText: '下基层调研' });
