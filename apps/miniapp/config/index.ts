import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

type TaroEnv = 'weapp' | 'h5';

/** API base URL baked in at build time: `TARO_APP_API_BASE`, else same origin on H5 and the local API on weapp. */
export function apiBaseFor(env: string | undefined, override: string | undefined): string {
  if (override !== undefined) return override.replace(/\/+$/, '');
  return env === 'h5' ? '' : 'http://localhost:3000';
}

const NUTUI = '@nutui/nutui-react-taro';
const libsDir = path.resolve(__dirname, '../../../libs');
const seedsDir = path.resolve(__dirname, '../../../seeds');

// Workspace libs are TypeScript sources: let Taro's babel compile them, and resolve the package names to source.
const workspaceAliases = {
  '@kaoping/contracts': path.resolve(libsDir, 'contracts/src/index.ts'),
  '@kaoping/scoring': path.resolve(libsDir, 'scoring/src/index.ts'),
  '@seeds': seedsDir,
};

/** Shared by mini and h5: tsconfig paths, and a missing named export from a lib is a build error, not a crash. */
function extendWebpack(chain: { resolve: { plugin(name: string): { use(p: unknown): unknown } }; merge(o: object): unknown }) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
  chain.merge({ module: { parser: { javascript: { exportsPresence: 'error' } } } });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV as TaroEnv | undefined;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'kaoping',
    date: '2025-11-24',
    // NutUI's own styles are written for 375; ours for 750.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/');
      return file && file.includes(NUTUI) ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv ?? 'weapp'}`,
    plugins: [],
    defineConstants: {},
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBaseFor(taroEnv, process.env.TARO_APP_API_BASE)),
    },
    alias: workspaceAliases,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { enable: false, exclude: [NUTUI, '@nutui/icons-react-taro'] },
    },
    cache: { enable: false },
    mini: {
      compile: { include: [libsDir] },
      // Component styles are independent of each other: their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        extendWebpack(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [libsDir] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        extendWebpack(chain);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
