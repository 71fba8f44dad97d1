export default definePageConfig({ navigationBarTitleText: '处室衔接核查' });
