export default definePageConfig({
  navigationBarTitleText: '市民服务',
});
