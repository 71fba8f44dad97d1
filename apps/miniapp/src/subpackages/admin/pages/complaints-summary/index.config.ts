export default definePageConfig({
  navigationBarTitleText: '投诉月度汇总',
});
