import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';
/** The contract in types/ lives outside src/ and must be compiled too. */
const compile = { include: [path.resolve(__dirname, '..', 'types')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xicheng-convenience-circle',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // The H5 build has its own folder so that the WeChat build in dist/ is never overwritten by it.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // `@/` is src/, as in tsconfig.json and the jest configs.
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // The theme's variables and mixins (no CSS of their own) are available in every stylesheet.
    sass: { resource: [path.resolve(__dirname, '..', 'src', 'styles', 'theme.scss')] },
    defineConstants: {},
    // Baked into the build from the environment (a .env.local file works too): where the WeChat build finds
    // the API, or which CloudBase environment it calls.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: isH5 ? [] : [{ from: 'src/assets/', to: 'dist/assets/' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
