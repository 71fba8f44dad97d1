export default definePageConfig({
  navigationBarTitleText: '考勤打卡',
});
