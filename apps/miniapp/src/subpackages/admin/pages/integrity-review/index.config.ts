export default definePageConfig({ navigationBarTitleText: '述廉审核' });
