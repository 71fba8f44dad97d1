export default definePageConfig({ navigationBarTitleText: '五比五评三年周期' });
