export default definePageConfig({
  navigationBarTitleText: '待审批',
});
