export default definePageConfig({ navigationBarTitleText: '本处室卫生秩序检查' });
