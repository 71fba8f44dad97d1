export default definePageConfig({ navigationBarTitleText: '衔接事项' });
