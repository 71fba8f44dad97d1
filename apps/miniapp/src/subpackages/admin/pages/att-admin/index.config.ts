export default definePageConfig({
  navigationBarTitleText: '考勤管理',
});
