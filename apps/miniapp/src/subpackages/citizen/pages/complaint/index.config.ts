export default definePageConfig({
  navigationBarTitleText: '效能投诉',
});
