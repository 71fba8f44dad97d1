export default definePageConfig({ navigationBarTitleText: '工作创新' });
