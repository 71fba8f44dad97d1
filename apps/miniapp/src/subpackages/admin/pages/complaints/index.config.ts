export default definePageConfig({
  navigationBarTitleText: '投诉工作台',
});
