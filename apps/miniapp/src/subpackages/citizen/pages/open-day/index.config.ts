export default definePageConfig({
  navigationBarTitleText: '开放日报名',
});
