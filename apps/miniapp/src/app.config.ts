export default defineAppConfig({
  // Main package: only what the first screen needs. Everything per persona lives in a subpackage.
  pages: ['pages/index/index', 'pages/login/index', 'pages/mine/index'],
  subPackages: [
    { root: 'subpackages/officer', pages: ['pages/section/index', 'pages/rules/index'] },
    { root: 'subpackages/citizen', pages: ['pages/home/index'] },
    { root: 'subpackages/representative', pages: ['pages/home/index'] },
    { root: 'subpackages/admin', pages: ['pages/people/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#0b3d91',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '考评',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
});
