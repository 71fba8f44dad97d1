export default definePageConfig({ navigationBarTitleText: '季度监察考评会' });
