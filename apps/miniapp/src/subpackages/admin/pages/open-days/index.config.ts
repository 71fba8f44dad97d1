export default definePageConfig({
  navigationBarTitleText: '公众开放日',
});
