export default definePageConfig({ navigationBarTitleText: '半年考评打分' });
