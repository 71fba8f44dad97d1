export default definePageConfig({
  navigationBarTitleText: '开放日签到',
});
