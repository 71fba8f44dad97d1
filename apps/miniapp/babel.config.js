// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI: named imports bring no CSS, so babel-plugin-import rewrites each to its own module and style
// (the global style.css would cost ~230 KB of app.wxss).
const NUTUI_PACKAGES = '@nutui/nutui-react-taro/dist/es/packages/';

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${NUTUI_PACKAGES}${name.toLowerCase()}`,
        customStyleName: (name) => `${NUTUI_PACKAGES}${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
