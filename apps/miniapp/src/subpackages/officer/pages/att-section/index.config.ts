export default definePageConfig({
  navigationBarTitleText: '本处考勤',
});
