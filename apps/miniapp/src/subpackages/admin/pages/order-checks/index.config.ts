export default definePageConfig({ navigationBarTitleText: '卫生秩序检查' });
