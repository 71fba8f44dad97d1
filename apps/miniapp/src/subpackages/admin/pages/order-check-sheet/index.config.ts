export default definePageConfig({ navigationBarTitleText: '卫生秩序评分表' });
