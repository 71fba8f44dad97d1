export default definePageConfig({ navigationBarTitleText: '发起衔接' });
