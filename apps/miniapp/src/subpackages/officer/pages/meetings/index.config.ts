export default definePageConfig({ navigationBarTitleText: '处务会台账' });
