import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';
/** The contract in types/ lives outside src/ and must be compiled too. */
const compile = { include: [path.resolve(__dirname, '..', 'types')] };
/**
 * The WeChat build targets the JavaScript engines of older phones (ES5 syntax: no `?.`, `??`, async functions,
 * class fields or `catch {}`), whatever package.json's browserslist (meant for the H5 build) says. Babel's
 * preset-env reads BROWSERSLIST before package.json; the config is read in the process that runs Babel.
 */
export const WEAPP_TARGETS = 'chrome >= 53, ios >= 9, android >= 5';
if (!isH5) process.env.BROWSERSLIST = WEAPP_TARGETS;

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
      // The one-time subscription templates, `{"<message kind>": "<template id>"}` (see the README's Messages).
      TARO_APP_TEMPLATES: JSON.stringify(process.env.TARO_APP_TEMPLATES ?? ''),
    },
    copy: {
      patterns: isH5
        ? [{ from: 'src/assets/favicon.ico', to: 'dist-h5/favicon.ico' }]
        : [{ from: 'src/assets/', to: 'dist/assets/' }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Minified JS (terser) and WXSS/CSS (csso). WXML is minified by WeChat's compiler (project.config.json's
    // minifyWXML): Taro's own minifyXML drops the closing slash of <input/>, which WeChat then refuses.
    terser: { enable: true, config: {} },
    csso: { enable: true, config: {} },
    mini: {
      // uqr (the QR code on the event page) ships ES2020 syntax: the WeChat build compiles it down too.
      compile: { include: [...compile.include, path.resolve(__dirname, '..', 'node_modules', 'uqr')] },
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
      // Taro splits only the initial chunks: every page chunk (loaded on demand) repeated the shared modules.
      // Modules that two or more page chunks use go into shared chunks, loaded with the pages that need them.
      webpackChain(chain) {
        const split = (chain.optimization.get('splitChunks') ?? {}) as { cacheGroups?: Record<string, unknown> };
        chain.optimization.splitChunks({
          ...split,
          cacheGroups: {
            ...split.cacheGroups,
            sharedAsync: { chunks: 'async', minChunks: 2, minSize: 0, priority: -30, reuseExistingChunk: true },
          },
        });
      },
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
