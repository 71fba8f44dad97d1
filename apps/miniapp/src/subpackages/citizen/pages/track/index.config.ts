export default definePageConfig({
  navigationBarTitleText: '查询投诉进度',
});
