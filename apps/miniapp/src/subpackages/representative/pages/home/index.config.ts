export default definePageConfig({
  navigationBarTitleText: '代表委员',
});
